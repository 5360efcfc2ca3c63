using System.ComponentModel;
using System.Globalization;

namespace Shop.Silo.Configuration;

/// <summary>A setting's duration as ops write it (<c>7d</c>, <c>30m</c>, <c>45s</c>); the converter lets the configuration binder read it.</summary>
[TypeConverter(typeof(DurationConverter))]
public readonly record struct Duration(TimeSpan Value)
{
    public static Duration Minutes(double minutes) => new(TimeSpan.FromMinutes(minutes));

    public static implicit operator TimeSpan(Duration duration) => duration.Value;

    public override string ToString() => Value.ToString("c", CultureInfo.InvariantCulture);
}

internal sealed class DurationConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string);

    // The binder names the setting in the error it wraps this one in.
    public override object ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        new Duration(Durations.Parse((string)value, "A duration"));
}
