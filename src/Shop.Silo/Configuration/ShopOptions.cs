using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Shop.Silo.Configuration;

/// <summary>
/// Settings are flat environment variables (SMTP_PORT, JWT_EXPIRES_IN, …). Each options class names
/// its variables with [ConfigurationKeyName], is bound from the configuration root and checked by its
/// data annotations when the host starts, so a malformed value stops the process with the setting's name
/// instead of failing the first request that needs it.
/// </summary>
public static partial class ShopOptions
{
    public static OptionsBuilder<T> AddShopOptions<T>(this IServiceCollection services) where T : class
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, AnnotationsValidator<T>>());
        return services.AddOptions<T>()
            .Configure<IConfiguration>((options, config) => Bind(config, options))
            .ValidateOnStart();
    }

    /// <summary>The settings bound and validated the same way, for checks that run before a host exists (production rules).</summary>
    public static T Read<T>(IConfiguration config) where T : class, new()
    {
        var options = new T();
        Bind(config, options);
        var problems = ProblemsOf(options);
        return problems.Count == 0 ? options : throw new OptionsValidationException(Options.DefaultName, typeof(T), problems);
    }

    /// <summary>
    /// The settings for a decision taken while services are registered (which dashboard, which
    /// listener). A malformed value gives the defaults here: the host's start check names it before
    /// anything runs.
    /// </summary>
    public static T ReadOrDefault<T>(IConfiguration config) where T : class, new()
    {
        try
        {
            return Read<T>(config);
        }
        catch (OptionsValidationException)
        {
            return new T();
        }
    }

    /// <summary>
    /// Checks the settings against a rule before a host exists (production's rules): a malformed
    /// value, or what the rule refuses, is added to the problems, one line each.
    /// </summary>
    public static void Check<T>(IConfiguration config, IValidateOptions<T> rule, List<string> problems) where T : class, new()
    {
        try
        {
            if (rule.Validate(Options.DefaultName, Read<T>(config)) is { Failed: true } result)
            {
                problems.AddRange(result.Failures);
            }
        }
        catch (OptionsValidationException e)
        {
            problems.AddRange(e.Failures);
        }
    }

    // The attributes' own messages (they name the variable), where ValidateDataAnnotations would wrap
    // each in "DataAnnotation validation failed for 'X' members: ..." for the reader to unwrap.
    private static List<string> ProblemsOf(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "invalid setting")];
    }

    /// <summary>A rule on bound settings as a validator, its failures one line each.</summary>
    public sealed class Rule<T>(Func<T, IEnumerable<string>> problems) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            problems(options).ToList() is { Count: > 0 } failures ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }

    private sealed class AnnotationsValidator<T> : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            ProblemsOf(options) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }

    // A value the binder cannot convert becomes a validation failure, so the start reports it with
    // the other types' failures instead of stopping at the first.
    private static void Bind<T>(IConfiguration config, T options) where T : class
    {
        try
        {
            WithoutBlanks(config).Bind(options);
        }
        catch (InvalidOperationException e) when (ConversionFailure().Match(e.Message) is { Success: true } failure)
        {
            var problem = $"{failure.Groups["key"].Value} must be {Described(failure.Groups["type"].Value)}; got '{failure.Groups["value"].Value}'.";
            throw new OptionsValidationException(Options.DefaultName, typeof(T), [problem]);
        }
    }

    // An empty variable (SMTP_USER= in .env) means "not set", as it always has: the default applies.
    private static IConfiguration WithoutBlanks(IConfiguration config) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(config.AsEnumerable().Where(setting => !string.IsNullOrWhiteSpace(setting.Value)))
            .Build();

    /// <summary>
    /// Runs every ValidateOnStart check before the host starts anything and prints one line per
    /// malformed setting: the host itself would stop at the first service that needs a bad one.
    /// </summary>
    public static bool Refuse(IServiceProvider services, TextWriter error)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return false;
        }
        catch (Exception e) when (Problems(e) is { } problems)
        {
            error.WriteLine($"Refusing to start: {problems.Count} malformed setting(s).");
            foreach (var problem in problems)
            {
                error.WriteLine($"  configuration error: {problem}");
            }

            return true;
        }
    }

    /// <summary>The lines ops read when the settings are wrong (one per problem), or null when the failure is not about settings.</summary>
    public static IReadOnlyList<string>? Problems(Exception e)
    {
        var failures = e is AggregateException many ? many.Flatten().InnerExceptions : [e];
        var lines = failures.Select(SettingsFailures).ToList();
        return lines.All(l => l is not null) ? lines.SelectMany(l => l!).ToList() : null;
    }

    private static IEnumerable<string>? SettingsFailures(Exception e) => (e as OptionsValidationException)?.Failures;

    // The type may come wrapped (System.Nullable`1[[System.Int32, …]]): look for the name inside.
    private static string Described(string type) =>
        type.Contains(typeof(Duration).FullName!, StringComparison.Ordinal) ? "a duration like 7d, 12h, 30m, 45s or a number of seconds"
        : type.Contains("System.Int", StringComparison.Ordinal) ? "a whole number"
        : type.Contains("System.Double", StringComparison.Ordinal) ? "a number"
        : type.Contains("System.Boolean", StringComparison.Ordinal) ? "true or false"
        : type.Contains("System.Uri", StringComparison.Ordinal) ? "a URL"
        : $"a {type}";

    // The binder's words for a value it could not convert (Microsoft.Extensions.Configuration.Binder).
    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex ConversionFailure();
}
