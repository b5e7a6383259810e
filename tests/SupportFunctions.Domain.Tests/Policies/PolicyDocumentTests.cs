using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Tests.Policies;

public class PolicyDocumentTests
{
    public static TheoryData<string> PolicyNames => new(ShippedPolicies.Names);

    [Theory]
    [MemberData(nameof(PolicyNames))]
    public void Every_shipped_policy_loads_and_validates(string name)
    {
        var policy = ShippedPolicies.Load(name);
        Assert.Equal(name, policy.Id);
        Assert.NotEmpty(policy.Categories);
        Assert.NotEmpty(policy.Severities);
    }

    [Fact]
    public void Every_problem_in_a_document_is_reported_at_once_with_its_path()
    {
        const string json = """
        {
          "id": "broken",
          "name": "Broken",
          "teams": [ { "id": "support", "name": "Support", "kind": "helpdesk" } ],
          "severities": [ { "level": 1, "name": "One" } ],
          "intake": { "defaultSeverity": 1, "caseNumberDigits": "six" },
          "categories": [
            { "id": "q", "name": "Question", "feilds": [] },
            { "id": "x", "name": "X", "team": "support", "logWindow": "sms" }
          ],
          "logWindows": [ { "id": "sms", "dataClass": "smsDeliveryLogs", "window": "24 hours", "notice": { "en": "gone" } } ]
        }
        """;

        var error = Assert.Throws<InvalidPolicyException>(() => PolicyDocument.Parse(json, "broken.json"));

        var paths = error.Problems.Select(p => p.Path).ToList();
        Assert.Contains("$.teams[0].kind", paths);
        Assert.Contains("$.intake.caseNumberDigits", paths);
        Assert.Contains("$.categories[0].feilds", paths);
        Assert.Contains("$.categories[0].team", paths);
        Assert.Contains("$.logWindows[0].window", paths);
        Assert.Contains("did you mean", error.Problems.Single(p => p.Path == "$.categories[0].feilds").Rule, StringComparison.Ordinal);
        Assert.Contains("broken.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.logWindows[0].window: must be an ISO 8601 duration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_problems_name_their_json_pointer_and_the_allowed_values()
    {
        const string json = """
        {
          "id": "shape", "name": "Shape",
          "teams": [ { "id": "support", "name": "Support", "kind": "helpdesk" } ],
          "severities": [ { "level": 1.5, "name": "One" } ],
          "categories": [ { "id": "q", "name": "Q" } ],
          "lifecycle": { "customerChangeWait": "a week" }
        }
        """;

        var error = Assert.Throws<InvalidPolicyException>(() => PolicyDocument.Parse(json, "shape.json"));

        var byPointer = error.Problems.ToDictionary(p => p.JsonPointer, p => p.Rule);
        Assert.Equal("must be one of \"support\", \"lead\", \"accountManagement\", \"engineering\"", byPointer["/teams/0/kind"]);
        Assert.Equal("must be a whole number, not a number with a fraction", byPointer["/severities/0/level"]);
        Assert.Equal("is required", byPointer["/categories/0/team"]);
        Assert.StartsWith("must be an ISO 8601 duration", byPointer["/lifecycle/customerChangeWait"], StringComparison.Ordinal);
        Assert.Equal("$.categories[0].team", error.Problems.Single(p => p.JsonPointer == "/categories/0/team").Path);
    }

    [Fact]
    public void A_value_the_schema_allows_but_the_model_cannot_hold_is_named()
    {
        var json = File.ReadAllText(ShippedPolicies.PathOf("digibee")).Replace("\"caseNumberDigits\": 6", "\"caseNumberDigits\": 99999999999", StringComparison.Ordinal);
        Assert.Contains("99999999999", json, StringComparison.Ordinal);

        var error = Assert.Throws<InvalidPolicyException>(() => PolicyDocument.Parse(json, "digibee.json"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("$.intake.caseNumberDigits", problem.Path);
        Assert.Equal("/intake/caseNumberDigits", problem.JsonPointer);
    }

    [Fact]
    public void Broken_references_are_reported_together()
    {
        const string json = """
        {
          "id": "refs", "name": "Refs",
          "teams": [ { "id": "support", "name": "Support", "escalatesTo": "nobody" } ],
          "severities": [ { "level": 1, "name": "One" }, { "level": 1, "name": "Again" } ],
          "intake": { "defaultSeverity": 2 },
          "categories": [ { "id": "q", "name": "Q", "team": "sales", "logWindow": "calls", "fields": [ { "id": "f", "label": "F", "type": "enum" } ] } ],
          "calendars": [ { "id": "business", "timeZone": "Mars/Olympus", "weekly": { "funday": ["09:00-08:00"] } } ],
          "sla": { "targets": [ { "severity": 7, "calendar": "nights", "firstResponse": "PT1H" } ] }
        }
        """;

        var error = Assert.Throws<InvalidPolicyException>(() => PolicyDocument.Parse(json, "refs.json"));

        var paths = error.Problems.Select(p => p.Path).ToHashSet();
        Assert.Superset(
            new HashSet<string>
            {
                "$.teams[0].escalatesTo", "$.severities[1].level", "$.intake.defaultSeverity", "$.categories[0].team",
                "$.categories[0].logWindow", "$.categories[0].fields[0].values", "$.calendars[0].timeZone",
                "$.calendars[0].weekly.funday", "$.calendars[0].weekly.funday[0]", "$.sla.targets[0].severity", "$.sla.targets[0].calendar",
            },
            paths);
    }

    [Fact]
    public void Text_that_is_not_json_names_the_line()
    {
        var error = Assert.Throws<InvalidPolicyException>(() => PolicyDocument.Parse("{\n  \"id\": \"x\",\n  oops\n}", "bad.json"));
        var problem = Assert.Single(error.Problems);
        Assert.StartsWith("line 3", problem.Path, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Durations_are_iso_8601()
    {
        var policy = ShippedPolicies.PureCloud;
        var sev1 = policy.Sla.Targets.Single(t => t.Severity == 1);
        Assert.Equal(TimeSpan.FromMinutes(10), sev1.FirstResponse);
        Assert.Equal(TimeSpan.FromHours(72), sev1.Restoration);
        Assert.Equal(TimeSpan.FromDays(7), policy.Lifecycle.CustomerChangeWait);
    }

    [Fact]
    public void Localized_text_falls_back_from_region_to_language_to_policy_to_english()
    {
        var text = new LocalizedText { ["es"] = "hola", ["en"] = "hello" };
        Assert.Equal("hola", text.For("es-MX", "pt"));
        Assert.Equal("hello", text.For("de", "pt"));
        Assert.Equal("hola", text.For(null, "es"));
        Assert.Equal("solo", LocalizedText.Of("pt", "solo").For("fr", "es"));
    }
}
