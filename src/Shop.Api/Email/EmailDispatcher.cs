namespace Shop.Api.Email;

/// <summary>Sends queued emails, retrying a failed one a few times before giving up on it.</summary>
internal sealed class EmailDispatcher(EmailOutbox outbox, IEmailTransport transport, ILogger<EmailDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in outbox.Reader.ReadAllAsync(stoppingToken))
        {
            await SendWithRetries(message, stoppingToken);
        }
    }

    private async Task SendWithRetries(EmailMessage message, CancellationToken stoppingToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await transport.SendAsync(message, stoppingToken);
                logger.LogInformation("Sent a {Kind} email", message.Kind);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt < RetryDelays.Length)
            {
                logger.LogWarning("Sending a {Kind} email failed ({Error}); retry {Attempt} in {Delay}", message.Kind, e.Message, attempt + 1, RetryDelays[attempt]);
                await Task.Delay(RetryDelays[attempt], stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError("Gave up sending a {Kind} email after {Attempts} attempts: {Error}", message.Kind, attempt + 1, e.Message);
                return;
            }
        }
    }
}
