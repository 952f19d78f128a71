namespace Platform.Application.Common;

/// <summary>
/// A Berlin wall-clock time (<see cref="DateTimeKind.Unspecified"/>, written without an offset). The OpenAPI document
/// declares such values as strings with a pattern, not as RFC 3339 <c>date-time</c>, which needs an offset.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = true)]
public sealed class LocalDateTimeAttribute : Attribute;
