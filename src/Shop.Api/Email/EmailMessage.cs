namespace Shop.Api.Email;

/// <summary>An email to send; <see cref="Kind"/> names it in logs, which never carry addresses or bodies.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string Kind);
