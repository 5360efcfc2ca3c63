namespace Shop.Api.Notifications.Sms;

public sealed record SmsMessage(string To, string Body, string Kind) : INotification;
