using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace SupportFunctions.App.Tests.AgentConsole;

/// <summary>
/// Debian's Chromium driven through its chromedriver (both from apt; scripts/test installs them), headless, with a
/// fresh profile and no background network (this machine's network is closed). Screenshots go under the test output.
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    public const string Browser = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";
    private readonly string _profile = Path.Combine(Path.GetTempPath(), "sf-chromium-" + Guid.NewGuid().ToString("N"));

    public HeadlessChromium(string language = "en", int width = 1280, int height = 900)
    {
        if (!File.Exists(Browser) || !File.Exists(Driver))
        {
            throw new InvalidOperationException($"Browser tests need {Browser} and {Driver} (Debian packages chromium and chromium-driver); scripts/test installs them.");
        }

        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", $"--user-data-dir={_profile}", $"--window-size={width},{height}", $"--lang={language}");
        options.AddUserProfilePreference("intl.accept_languages", language);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        Driver_ = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Driver_.Manage().Timeouts().ImplicitWait = TimeSpan.Zero;
    }

    public IWebDriver Driver_ { get; }

    public T Wait<T>(Func<IWebDriver, T> condition, string what, double seconds = 15)
    {
        var wait = new WebDriverWait(Driver_, TimeSpan.FromSeconds(seconds)) { Message = what };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait.Until(condition);
    }

    public IWebElement Find(string css) => Wait(d => d.FindElement(By.CssSelector(css)), $"an element {css}");

    /// <summary>Picks an option of a select by clicking it, as a user would.</summary>
    public void Choose(string selectCss, string value) => Find($"{selectCss} option[value='{value}']").Click();

    public IReadOnlyList<IWebElement> All(string css) => Driver_.FindElements(By.CssSelector(css));

    public string Screenshot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        ((ITakesScreenshot)Driver_).GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose()
    {
        Driver_.Quit();
        Driver_.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile as it exits; the temp folder is cleared with the machine.
        }
    }
}
