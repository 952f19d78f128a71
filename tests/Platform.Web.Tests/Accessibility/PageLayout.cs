using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Accessibility;

/// <summary>What a page's layout looks like in the browser.</summary>
internal static class PageLayout
{
    /// <summary>Null when the page fits its width; else the widths and the first elements that stick out.</summary>
    public static async Task<string?> SidewaysOverflowAsync(IPage page)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        return await page.EvaluateAsync<string?>(
            """
            () => {
              const width = document.documentElement.clientWidth;
              if (document.documentElement.scrollWidth <= width) return null;
              const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > width + 1)
                .slice(0, 5)
                .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).replace(/ /g, '.') : ''));
              return `scrollWidth ${document.documentElement.scrollWidth} > ${width}: ${wide.join(', ')}`;
            }
            """);
    }

    /// <summary>
    /// Saves what the page shows to <c>artifacts/screenshots/{name}.png</c> in the repository (git-ignored), so that a
    /// run leaves the phone views a reviewer looks at.
    /// </summary>
    public static async Task<string> SaveScreenshotAsync(IPage page, string name)
    {
        var directory = Directory.GetCurrentDirectory();
        while (!File.Exists(Path.Combine(directory, "Platform.sln")))
        {
            directory = Path.GetDirectoryName(directory) ?? throw new InvalidOperationException("The repository root was not found.");
        }

        var path = Path.Combine(directory, "artifacts", "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = false });
        return path;
    }
}
