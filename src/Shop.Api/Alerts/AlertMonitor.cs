using System.Globalization;
using Shop.Api.Notifications;
using Shop.Grains.Notifications;
using Shop.Api.Notifications.Webhook;

namespace Shop.Api.Alerts;

/// <summary>
/// Reads the signals every evaluation interval, runs the rules, and sends what they decide: email
/// to ALERT_EMAILS and the webhook for every alert, SMS to ALERT_SMS_TO for critical ones only.
/// </summary>
internal sealed class AlertMonitor(
    IAlertSignals signals, AlertOptions options, Outbox<EmailMessage> emails, Outbox<SmsMessage> sms,
    Outbox<WebhookMessage> webhooks, ILogger<AlertMonitor> logger) : BackgroundService
{
    private readonly AlertEvaluator _evaluator = new(AlertRule.FromOptions(options), options.Window, options.Cooldown);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.EvaluationInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var measurement = await signals.ReadAsync(stoppingToken);
                foreach (var notice in _evaluator.Evaluate(measurement))
                {
                    Send(notice);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Alert evaluation failed; it runs again at the next interval");
            }
        }
    }

    private void Send(AlertNotice notice)
    {
        var rule = notice.Rule;
        var state = notice.Resolved ? "RESOLVED" : rule.Severity.ToString().ToUpperInvariant();
        var value = rule.Id == "unavailable" ? "" : $" {notice.Value.ToString("0.#", CultureInfo.InvariantCulture)}{rule.Unit} (threshold {rule.Threshold.ToString("0.#", CultureInfo.InvariantCulture)}{rule.Unit})";
        var host = Environment.MachineName;
        var text = $"[Shop {state}] {rule.Title} / {rule.TitleZh}:{value} on {host} at {notice.At:yyyy-MM-dd HH:mm:ss} UTC{(notice.Detail is null ? "" : $" ({notice.Detail})")}";
        if (notice.Resolved)
        {
            logger.LogInformation("Alert resolved: {Rule}", rule.Id);
        }
        else
        {
            logger.LogWarning("Alert {Severity}: {Rule} at {Value}", rule.Severity, rule.Id, notice.Value);
        }

        var kind = $"alert-{rule.Id}{(notice.Resolved ? "-resolved" : "")}";
        foreach (var to in options.Emails)
        {
            emails.Enqueue(new EmailMessage(to, text, text + "\n\nMetrics: /metrics · Health: /api/health · Runbook: docs/runbook.zh-CN.md\n", kind));
        }

        if (rule.Severity == Severity.Critical)
        {
            foreach (var to in options.SmsTo)
            {
                sms.Enqueue(new SmsMessage(to, text, kind));
            }
        }

        if (options.WebhookUrl is { } url)
        {
            webhooks.Enqueue(new WebhookMessage(url, new
            {
                text,
                alert = rule.Id,
                severity = rule.Severity.ToString().ToLowerInvariant(),
                status = notice.Resolved ? "resolved" : "firing",
                value = notice.Value,
                threshold = rule.Threshold,
                host,
                at = notice.At,
            }, kind));
        }
    }
}
