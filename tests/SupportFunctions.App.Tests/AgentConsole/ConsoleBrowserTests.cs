using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using OpenQA.Selenium;
using SupportFunctions.App.Tests.AgentQueues;
using SupportFunctions.App.Tests.Cases;

namespace SupportFunctions.App.Tests.AgentConsole;

/// <summary>The agent console in headless Chromium against the real service on a loopback port.</summary>
public sealed class ConsoleBrowserTests : IAsyncLifetime
{
    private QueueDesk _desk = null!;

    public async Task InitializeAsync() => _desk = await QueueDesk.StartAsync(forBrowser: true);

    public Task DisposeAsync() => _desk.DisposeAsync().AsTask();

    private string Url(string path) => new Uri(_desk.App.BaseAddress, path).ToString();

    private void SignIn(HeadlessChromium browser, string key)
    {
        browser.Driver_.Navigate().GoToUrl(Url("/console/"));
        var input = browser.Find("#api-key");
        input.Clear();
        input.SendKeys(key + Keys.Enter);
    }

    private static List<string> Rows(HeadlessChromium browser) =>
        browser.All("table.queue tbody tr").Select(r => r.GetAttribute("data-number")!).ToList();

    [Fact]
    public async Task An_agent_signs_in_works_the_queue_in_sla_order_and_sees_countdowns_tick()
    {
        var sev3 = await _desk.OpenAsync(3);
        var sev1 = await _desk.OpenAsync(1);
        var sev2 = await _desk.OpenAsync(2);
        using var browser = new HeadlessChromium();

        SignIn(browser, "sfk_not_a_key_0000000000000000_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        var refusal = browser.Find("#signin-error").Text;
        var expected = (await (await _desk.App.Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/me") { Headers = { { "X-Api-Key", "sfk_not_a_key_0000000000000000_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" } } })).JsonAsync()).GetProperty("detail").GetString();
        Assert.Equal(expected, refusal);

        SignIn(browser, _desk.AgentKey);
        browser.Wait(d => d.FindElement(By.Id("who")).Text.Contains("Sam", StringComparison.Ordinal), "the signed-in agent's name");
        browser.Wait(_ => Rows(browser).Count == 3, "three queued cases");
        Assert.Equal([sev1, sev2, sev3], Rows(browser));
        Assert.DoesNotContain(_desk.AgentKey, browser.Driver_.Url, StringComparison.Ordinal);
        var stored = (string?)((IJavaScriptExecutor)browser.Driver_).ExecuteScript("return sessionStorage.getItem('supportfunctions.key')");
        Assert.Equal(_desk.AgentKey, stored);

        var first = browser.Find($"tr[data-number='{sev1}'] .sla");
        Assert.Equal("sla sla-running", first.GetAttribute("class"));
        var before = first.FindElement(By.CssSelector(".sla-time")).Text;
        browser.Wait(_ => browser.Find($"tr[data-number='{sev1}'] .sla-time").Text != before, "the countdown to tick", 5);
        Assert.Contains("New: 3", browser.Find(".counts").Text.Replace("\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        browser.Screenshot("console-queue");

        browser.Choose("#filter-severity", "1");
        browser.Find("form.filters button[type=submit]").Click();
        browser.Wait(_ => Rows(browser).SequenceEqual([sev1]), "the severity filter");

        // The page refreshes itself and keeps the filters.
        ((IJavaScriptExecutor)browser.Driver_).ExecuteScript("location.reload()");
        browser.Wait(_ => Rows(browser).SequenceEqual([sev1]), "the filter kept across a reload");
        Assert.Equal("1", browser.Find("#filter-severity").GetDomProperty("value"));

        // Every text of the page exists in English, Spanish and Portuguese, and no language has a key the others lack.
        var missing = (string?)((IJavaScriptExecutor)browser.Driver_).ExecuteAsyncScript(
            "const done = arguments[arguments.length - 1]; import('/console/i18n.js').then(m => { const c = m.catalog; const keys = new Set(Object.values(c).flatMap(Object.keys));" +
            " done(Object.keys(c).flatMap(l => [...keys].filter(k => !(k in c[l])).map(k => l + ':' + k)).join(' ') + '|' + Object.keys(c).join(',')); });");
        Assert.Equal("|en,es,pt", missing);

        // Every control is labelled for screen readers.
        var unlabelled = (long?)((IJavaScriptExecutor)browser.Driver_).ExecuteScript(
            "return [...document.querySelectorAll('input,select,textarea,button')].filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim()).length");
        Assert.Equal(0, unlabelled);
    }

    [Fact]
    public async Task An_agent_opens_a_case_replies_changes_status_and_closes_it_after_the_refusal_names_the_missing_field()
    {
        var number = await _desk.OpenAsync(2, "Calls drop at noon");
        using var browser = new HeadlessChromium();
        SignIn(browser, _desk.AgentKey);
        browser.Find($"tr[data-number='{number}'] a").Click();
        browser.Wait(d => d.FindElement(By.Id("case-heading")).Text.Contains(number, StringComparison.Ordinal), "the case page");

        browser.Find("#reply-body").SendKeys("We are looking into it.");
        browser.Find("form[data-action='replies'] button").Click();
        browser.Wait(_ => browser.All(".history li[data-type='agent-reply'], .history li[data-type='replied']").Count > 0 || browser.Find(".history").Text.Contains("We are looking into it.", StringComparison.Ordinal), "the reply in the history");
        Assert.Contains("We are looking into it.", browser.Find(".history").Text, StringComparison.Ordinal);

        browser.Find("#note-body").SendKeys("Customer's PBX misconfigured");
        browser.Find("form[data-action='notes'] button").Click();
        browser.Wait(_ => browser.All(".history li.internal").Any(li => li.Text.Contains("PBX", StringComparison.Ordinal)), "the note marked internal");

        browser.Choose("#status-status", "PendingCustomer");
        browser.Find("#status-reason").SendKeys("Waiting for logs");
        browser.Find("form[data-action='status'] button").Click();
        browser.Wait(_ => browser.Find(".facts").Text.Contains("Pending customer", StringComparison.Ordinal), "the new status");
        Assert.NotEmpty(browser.All("ul.pauses li"));

        browser.Choose("#close-reason", "defect");
        browser.Find("form[data-action='close'] button").Click();
        var problem = browser.Find(".field-problem[data-field='defectId']");
        Assert.Contains("defect", problem.Text, StringComparison.Ordinal);
        Assert.Equal("true", browser.Find("#close-defectId").GetAttribute("aria-invalid"));
        browser.Screenshot("console-case-refusal");

        browser.Find("#close-defectId").SendKeys("DEF-4411");
        browser.Find("form[data-action='close'] button").Click();
        browser.Wait(_ => browser.Find(".facts").Text.Contains("Closed", StringComparison.Ordinal), "the case closed");
        var view = await (await _desk.Agent.GetAsync($"/api/cases/{number}")).JsonAsync();
        Assert.Equal(("Closed", "defect"), (view.GetProperty("status").GetString(), view.GetProperty("closure").GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task The_report_draws_the_api_s_numbers_and_reads_at_phone_width_in_spanish()
    {
        var answered = await _desk.OpenAsync(2);
        await _desk.OpenAsync(1);
        await _desk.ActAsync(answered, "replies", new { body = "On it." });
        using var browser = new HeadlessChromium(language: "es", width: 390, height: 844);
        SignIn(browser, _desk.AgentKey);
        browser.Wait(d => d.FindElement(By.CssSelector("h2")).Text == "Cola", "the queue heading in Spanish");
        browser.Screenshot("console-queue-390-es");

        browser.Find("a[href='#/report']").Click();
        var bars = browser.Wait(_ => browser.All(".bars li") is { Count: > 0 } drawn ? drawn : null, "the report's bars")!.ToList();
        var from = DateTime.UtcNow.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var report = await _desk.Agent.GetFromJsonAsync<JsonElement>($"/api/reports/sla?from={from}&to={to}&groupBy=severity");
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(rows.Count, bars.Count);
        foreach (var row in rows)
        {
            var bar = bars.Single(b => b.GetAttribute("data-group") == row.GetProperty("group").GetString());
            var firstResponse = row.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("clock").GetString() == "firstResponse");
            Assert.Equal(firstResponse.GetProperty("achieved").GetInt32().ToString(CultureInfo.InvariantCulture), bar.GetAttribute("data-achieved"));
            Assert.Equal(firstResponse.GetProperty("breached").GetInt32().ToString(CultureInfo.InvariantCulture), bar.GetAttribute("data-breached"));
            Assert.Equal(row.GetProperty("cases").GetInt32().ToString(CultureInfo.InvariantCulture), bar.GetAttribute("data-cases"));
        }

        var histogram = browser.Find("figure.histogram");
        var total = report.GetProperty("total").GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("clock").GetString() == "firstResponse");
        Assert.Equal(total.GetProperty("businessTimeToMeet").GetProperty("p50").GetInt64().ToString(CultureInfo.InvariantCulture), histogram.GetAttribute("data-p50"));
        Assert.Equal(total.GetProperty("businessHistogram").EnumerateArray().Sum(b => b.GetProperty("count").GetInt32()), browser.All("figure.histogram li").Sum(li => int.Parse(li.GetAttribute("data-count")!, CultureInfo.InvariantCulture)));
        Assert.Single(browser.All("figure.histogram li.marked"));
        Assert.Contains("Primera respuesta", browser.Find("figure.bars figcaption").Text, StringComparison.Ordinal);
        var overflow = (bool?)((IJavaScriptExecutor)browser.Driver_).ExecuteScript("return document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "nothing wider than a 390 px screen");
        browser.Screenshot("console-report-390-es");

        using var wide = new HeadlessChromium();
        SignIn(wide, _desk.AgentKey);
        wide.Find("a[href='#/report']").Click();
        wide.Find(".bars li");
        wide.Screenshot("console-report");
    }
}
