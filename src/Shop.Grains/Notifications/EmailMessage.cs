namespace Shop.Grains.Notifications;

/// <summary>An email; <see cref="MessageId"/>, when set, lets a receiver recognise a repeat of the same notification.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string Kind, string? MessageId = null) : INotification;
