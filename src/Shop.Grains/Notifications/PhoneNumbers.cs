namespace Shop.Grains.Notifications;

public static class PhoneNumbers
{
    /// <summary>E.164 for SMS: kept when it starts with +, +86 added to an 11-digit mainland mobile number.</summary>
    public static string? ToE164(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return phone.TrimStart().StartsWith('+') ? "+" + digits
            : digits.Length == 11 && digits[0] == '1' ? "+86" + digits
            : null;
    }
}
