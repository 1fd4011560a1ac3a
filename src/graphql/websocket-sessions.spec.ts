import { EventEmitter } from 'node:events';
import { closeAt } from './websocket-sessions';

/** Just what closeAt uses of a ws socket: close(), and the 'close' event. */
class FakeSocket extends EventEmitter {
  closedWith?: [number, string];
  close(code: number, reason: string) {
    this.closedWith = [code, reason];
    this.emit('close');
  }
}

describe('closeAt (a socket closes when its token expires)', () => {
  beforeEach(() => jest.useFakeTimers({ now: new Date('2025-01-01T00:00:00Z') }));
  afterEach(() => jest.useRealTimers());

  const DAY = 24 * 3600 * 1000;

  it('closes at the expiry even 30 days out (the longest JWT_TTL_SECONDS, beyond what one setTimeout can wait), not before', () => {
    const socket = new FakeSocket();
    closeAt(socket as never, new Date(Date.now() + 30 * DAY), 4401, 'expired');
    jest.advanceTimersByTime(30 * DAY - 1000);
    expect(socket.closedWith).toBeUndefined();
    jest.advanceTimersByTime(1000);
    expect(socket.closedWith).toEqual([4401, 'expired']);
  });

  it('does nothing once the socket has closed', () => {
    const socket = new FakeSocket();
    closeAt(socket as never, new Date(Date.now() + 1000), 4401, 'expired');
    socket.emit('close');
    jest.advanceTimersByTime(2000);
    expect(socket.closedWith).toBeUndefined();
  });
});
