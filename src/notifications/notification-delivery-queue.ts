/** Queue of the job that sends one e-mail or webhook call. */
export const NOTIFICATION_DELIVERY_QUEUE = 'notification-delivery';
