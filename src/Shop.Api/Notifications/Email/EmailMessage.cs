namespace Shop.Api.Notifications.Email;

public sealed record EmailMessage(string To, string Subject, string TextBody, string Kind) : INotification;
