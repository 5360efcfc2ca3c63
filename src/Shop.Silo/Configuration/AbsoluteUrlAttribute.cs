using System.ComponentModel.DataAnnotations;

namespace Shop.Silo.Configuration;

/// <summary>A URL setting must be absolute: a relative one would be read as a path on no host.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AbsoluteUrlAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not Uri { IsAbsoluteUri: false };
}
