export { notify, agencyRecipients } from "./notify";
export type { NotifyInput } from "./notify";
export { notifications, mailOutbox, notificationPreferences } from "./notifications.table";
export { notificationRoutes } from "./notifications.routes";
export { notificationsPolicy } from "./notifications.policy";
export { createMailer, type Mailer } from "./mailer";
