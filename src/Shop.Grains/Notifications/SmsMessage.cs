namespace Shop.Grains.Notifications;

public sealed record SmsMessage(string To, string Body, string Kind) : INotification;
