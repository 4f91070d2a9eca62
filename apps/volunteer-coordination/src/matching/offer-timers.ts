/** Timer kind for "answer by": the offer lapses and the task moves on to the next candidate. */
export const OFFER_EXPIRY_TIMER = 'volunteer.offer-expiry';
