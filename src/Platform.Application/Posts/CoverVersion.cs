using System.Globalization;

namespace Platform.Application.Posts;

/// <summary>The version of a cover in its address: changes whenever the image is replaced.</summary>
public static class CoverVersion
{
    public static string Of(DateTime updatedAt) => updatedAt.Ticks.ToString("x", CultureInfo.InvariantCulture);
}
