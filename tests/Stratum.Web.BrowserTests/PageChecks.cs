using Microsoft.Playwright;

namespace Stratum.Web.BrowserTests;

/// <summary>What every browser test checks on a page and the screenshots it leaves for people to look at.</summary>
internal static class PageChecks
{
    /// <summary>Screenshots go to <c>artifacts/screenshots/</c> of the repository.</summary>
    private static readonly string Screenshots = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    /// <summary>Accessibility basics: every visible input, select and textarea has a label.</summary>
    public static async Task ShouldLabelEveryInputAsync(IPage page)
    {
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label'))
                .map(e => e.name || e.id)
            """);
        unlabelled.ShouldBeEmpty();
    }

    /// <summary>Nothing makes the page scroll sideways at <paramref name="width"/>; a failure names what sticks out.</summary>
    public static async Task ShouldFitAsync(IPage page, int width)
    {
        var overflow = await page.EvaluateAsync<string[]>($$"""
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > {{width}})
                .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : ''} ends at ${Math.round(e.getBoundingClientRect().right)}px`)
            """);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width, string.Join("; ", overflow.Take(8)));
    }

    /// <summary>A full-page screenshot at desktop (1280 px) and phone (390 px) width; the page is left at desktop width.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"{name}-desktop.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"{name}-phone.png"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 800);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Stratum.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Stratum.slnx not found above " + AppContext.BaseDirectory);
    }
}
