/** Queue of the job that closes a need's open matches once the need stops taking introductions (see NeedClosedJob). */
export const NEED_CLOSED_QUEUE = 'need-closed';
