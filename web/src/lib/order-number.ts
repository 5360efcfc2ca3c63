/**
 * The number shoppers and admins see for an order: the last 8 characters of its id, upper-case, as
 * in the order emails (OrderMessages.Number on the server). Ids are UUIDv7, whose first characters
 * are a timestamp shared by every order of the same minute; the last ones are random.
 */
export const orderNumber = (id: string) => id.slice(-8).toUpperCase();
