namespace Shop.Api.Email;

public static class EmailSetup
{
    public static WebApplicationBuilder AddShopEmail(this WebApplicationBuilder builder)
    {
        var settings = EmailSettings.Read(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<EmailOutbox>();
        if (settings.Host is not null)
        {
            builder.Services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        }
        else
        {
            builder.Services.AddSingleton<IEmailTransport, PickupDirectoryEmailTransport>();
        }

        builder.Services.AddHostedService<EmailDispatcher>();
        return builder;
    }
}
