namespace Platform.Web.Components.Tools;

/// <summary>
/// Marks the one page that may use the camera and microphone (the Video-Check): its Permissions-Policy allows both for
/// the own origin, and its Content-Security-Policy lets a <c>blob:</c> recording play back (SecurityHeaders, ADR-021).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MediaPageAttribute : Attribute;
