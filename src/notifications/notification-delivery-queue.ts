/** Queue of the job that sends one e-mail or webhook call. */
export const NOTIFICATION_DELIVERY_QUEUE = 'notification-delivery';

/** Queue of the sweep that gives a job back to every PENDING delivery left without one. */
export const NOTIFICATION_DELIVERY_SWEEP_QUEUE = 'notification-delivery-sweep';
