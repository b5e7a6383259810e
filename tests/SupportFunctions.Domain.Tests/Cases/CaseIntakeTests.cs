using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Directory;

namespace SupportFunctions.Domain.Tests.Cases;

public class CaseIntakeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private static CaseSubmission Submission(string category, Dictionary<string, string>? fields = null) => new()
    {
        Subject = "Something is wrong",
        Description = "Details of what happened.",
        Category = category,
        Fields = fields ?? [],
    };

    [Fact]
    public void Digibee_incident_missing_pipeline_key_error_timestamp_and_previous_analysis_names_all_three_in_one_answer()
    {
        var submission = Submission("incident", new() { ["pipelineName"] = "orders-sync", ["errorMessage"] = "timeout", ["expectedBehavior"] = "ok" }) with { Environment = "PROD" };

        var decision = CaseIntake.Evaluate(ShippedPolicies.Digibee, submission, Requesters.Contact(), Now);

        Assert.Equal(IntakeOutcome.Invalid, decision.Outcome);
        // "Análises anteriores realizadas com evidências dos testes" is asked for without the "(se disponível)" the project name gets.
        Assert.Equal(["fields.errorTimestamp", "fields.pipelineKey", "fields.previousAnalysis"], decision.Errors.Keys.Order());
    }

    [Fact]
    public void Digibee_anonymous_requester_may_ask_a_general_question_but_not_open_an_incident()
    {
        var question = CaseIntake.Evaluate(ShippedPolicies.Digibee, Submission("general-question"), Requesters.Anonymous(), Now);
        Assert.Equal(IntakeOutcome.Accepted, question.Outcome);
        Assert.False(question.MaySeeAccountData);
        Assert.Equal(4, question.Severity);

        var incident = Submission("incident", new()
        {
            ["pipelineName"] = "p", ["pipelineKey"] = "k-1", ["errorMessage"] = "e", ["errorTimestamp"] = "2026-11-20T10:00:00Z", ["expectedBehavior"] = "x", ["previousAnalysis"] = "y",
        }) with { Environment = "PROD" };
        var refused = CaseIntake.Evaluate(ShippedPolicies.Digibee, incident, Requesters.Anonymous(), Now);
        Assert.Equal(IntakeOutcome.Refused, refused.Outcome);
        Assert.Contains("general-question", refused.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "is required", "is not a category", "Subject is required")]
    [InlineData("es", "es obligatori", "no es una categoría", "Asunto es obligatorio")]
    [InlineData("pt", "é obrigatóri", "não é uma categoria", "Assunto é obrigatório")]
    public void Every_broken_rule_is_told_in_the_requesters_language(string language, string required, string notCategory, string subjectRequired)
    {
        var account = Requesters.Account() with { Language = language };
        var contact = new SupportFunctions.Domain.Directory.Contact { Id = "con-1", AccountId = account.Id, Name = "Ana", Email = "ana@acme.example", Roles = ["Administrator"] };
        var requester = Requester.ForContact("web", contact, account);

        var incident = CaseIntake.Evaluate(ShippedPolicies.Digibee, Submission("incident") with { Environment = null }, requester, Now);
        var unknown = CaseIntake.Evaluate(ShippedPolicies.Digibee, Submission("free-pizza") with { Subject = " " }, requester, Now);

        Assert.Equal(language, incident.Language);
        Assert.All(incident.Errors.Values.SelectMany(m => m), m => Assert.Contains(required, m, StringComparison.Ordinal));
        Assert.Contains(notCategory, unknown.Errors["category"].Single(), StringComparison.Ordinal);
        Assert.Equal(subjectRequired, unknown.Errors["subject"].Single());
    }

    [Fact]
    public void The_contacts_own_language_wins_over_the_accounts()
    {
        var account = Requesters.Account() with { Language = "es" };
        var contact = new SupportFunctions.Domain.Directory.Contact { Id = "con-1", AccountId = account.Id, Name = "Ana", Email = "ana@acme.example", Roles = ["Administrator"], Language = "pt" };

        var decision = CaseIntake.Evaluate(ShippedPolicies.Digibee, Submission("general-question") with { Subject = "" }, Requester.ForContact("web", contact, account), Now);

        Assert.Equal("Assunto é obrigatório", decision.Errors["subject"].Single());
    }

    [Fact]
    public void Digibee_before_login_an_authentication_problem_is_only_for_an_address_of_an_account_with_an_active_contract()
    {
        var submission = Submission("authentication-problem");

        var unknown = CaseIntake.Evaluate(ShippedPolicies.Digibee, submission, Requesters.Anonymous(), Now);
        Assert.Equal(IntakeOutcome.Refused, unknown.Outcome);
        Assert.Contains("abra: general-question.", unknown.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("abra: general-question, authentication-problem", unknown.Reason, StringComparison.Ordinal);

        var expired = CaseIntake.Evaluate(ShippedPolicies.Digibee, submission, Requesters.AnonymousWithKnownAddress(ContractStatus.Expired), Now);
        Assert.Equal(IntakeOutcome.Refused, expired.Outcome);
        Assert.Equal(unknown.Reason, expired.Reason);

        var active = CaseIntake.Evaluate(ShippedPolicies.Digibee, submission, Requesters.AnonymousWithKnownAddress(ContractStatus.Active), Now);
        Assert.Equal(IntakeOutcome.Accepted, active.Outcome);
        Assert.False(active.MaySeeAccountData);
    }

    [Fact]
    public void Only_a_policy_with_a_contract_rule_for_anonymous_requesters_needs_the_account_behind_their_address()
    {
        Assert.True(Entitlement.AnonymousDependsOnContract(ShippedPolicies.Digibee));
        Assert.False(Entitlement.AnonymousDependsOnContract(ShippedPolicies.Everbridge));
    }

    [Fact]
    public void An_anonymous_requester_is_told_only_the_categories_open_to_them_before_login()
    {
        var incident = Submission("incident", new()
        {
            ["pipelineName"] = "p", ["pipelineKey"] = "k-1", ["errorMessage"] = "e", ["errorTimestamp"] = "2026-11-20T10:00:00Z", ["expectedBehavior"] = "x", ["previousAnalysis"] = "y",
        }) with { Environment = "PROD" };

        var unknown = CaseIntake.Evaluate(ShippedPolicies.Digibee, incident, Requesters.Anonymous(), Now);
        var customer = CaseIntake.Evaluate(ShippedPolicies.Digibee, incident, Requesters.AnonymousWithKnownAddress(ContractStatus.Active), Now);

        Assert.EndsWith("só pode abrir: general-question.", unknown.Reason, StringComparison.Ordinal);
        Assert.EndsWith("só pode abrir: general-question, authentication-problem.", customer.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Digibee_requester_without_contract_is_limited_to_general_questions()
    {
        var requester = Requesters.Contact(contract: ContractStatus.None);
        Assert.Equal(IntakeOutcome.Accepted, CaseIntake.Evaluate(ShippedPolicies.Digibee, Submission("general-question"), requester, Now).Outcome);
        var development = Submission("development-question", new() { ["integrationLogic"] = "sync", ["pipelineName"] = "p" }) with { Environment = "TEST" };
        var refused = CaseIntake.Evaluate(ShippedPolicies.Digibee, development, requester, Now);
        Assert.Equal(IntakeOutcome.Refused, refused.Outcome);
        Assert.Contains("Su cuenta no tiene contrato", refused.Reason, StringComparison.Ordinal);
        Assert.False(CaseIntake.Evaluate(ShippedPolicies.Digibee, Submission("general-question"), requester, Now).MaySeeAccountData);
    }

    [Theory]
    [InlineData("PROD", "total", false, "P1")]
    [InlineData("PROD", "partial", false, "P2")]
    [InlineData("PROD", "total", true, "P3")]
    [InlineData("TEST", "total", false, "P3")]
    [InlineData("PROD", "none", false, "P4")]
    [InlineData("OTHER", null, null, "P4")]
    public void Digibee_priority_follows_the_decision_table(string environment, string? unavailability, bool? workaround, string expected)
    {
        var incident = Submission("incident", new()
        {
            ["pipelineName"] = "p", ["pipelineKey"] = "k-1", ["errorMessage"] = "e", ["errorTimestamp"] = "2026-11-20T10:00:00Z", ["expectedBehavior"] = "x", ["previousAnalysis"] = "y",
        }) with { Environment = environment.ToLowerInvariant(), Unavailability = unavailability, Workaround = workaround };

        var decision = CaseIntake.Evaluate(ShippedPolicies.Digibee, incident, Requesters.Contact(), Now);

        Assert.Equal(IntakeOutcome.Accepted, decision.Outcome);
        Assert.Equal(expected, decision.Priority);
        Assert.Equal(environment, decision.Environment);
    }

    [Fact]
    public void Digibee_incident_naming_two_pipeline_keys_asks_for_separate_cases()
    {
        var incident = Submission("incident", new()
        {
            ["pipelineName"] = "p", ["pipelineKey"] = "k-1, k-2", ["errorMessage"] = "e", ["errorTimestamp"] = "2026-11-20T10:00:00Z", ["expectedBehavior"] = "x", ["previousAnalysis"] = "y",
        }) with { Environment = "PROD" };

        var decision = CaseIntake.Evaluate(ShippedPolicies.Digibee, incident, Requesters.Contact(), Now);

        Assert.Equal(IntakeOutcome.Invalid, decision.Outcome);
        Assert.Contains("abra un caso aparte", Assert.Single(decision.Errors["fields.pipelineKey"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Everbridge_data_refresh_needs_the_boundary_shapefile_and_for_us_data_the_postal_codes()
    {
        var policy = ShippedPolicies.Everbridge;
        var refresh = Submission("data-refresh", new() { ["country"] = "US" });

        var missing = CaseIntake.Evaluate(policy, refresh, Requesters.Contact(), Now);
        Assert.Equal(IntakeOutcome.Invalid, missing.Outcome);
        Assert.Equal(["fields.boundaryShapefile", "fields.postalCodeList"], missing.Errors.Keys.Order());

        var shapefile = new ConfirmedAttachment("u1", "county.zip", "application/zip", 2048, "boundaryShapefile");
        var postal = new ConfirmedAttachment("u2", "zips.csv", "text/csv", 100, "postalCodeList");
        Assert.Equal(IntakeOutcome.Accepted, CaseIntake.Evaluate(policy, refresh with { Attachments = [shapefile, postal] }, Requesters.Contact(), Now).Outcome);

        var canada = Submission("data-refresh", new() { ["country"] = "CA" }) with { Attachments = [shapefile] };
        Assert.Equal(IntakeOutcome.Accepted, CaseIntake.Evaluate(policy, canada, Requesters.Contact(), Now).Outcome);
    }

    [Fact]
    public void Everbridge_empty_or_wrongly_typed_uploads_do_not_count()
    {
        var refresh = Submission("data-refresh", new() { ["country"] = "CA" }) with
        {
            Attachments = [new ConfirmedAttachment("u1", "county.zip", "application/zip", 0, "boundaryShapefile"), new ConfirmedAttachment("u2", "notes.docx", "application/msword", 10, "boundaryShapefile")],
        };

        var decision = CaseIntake.Evaluate(ShippedPolicies.Everbridge, refresh, Requesters.Contact(), Now);

        Assert.Equal(IntakeOutcome.Invalid, decision.Outcome);
        Assert.Equal(2, decision.Errors["fields.boundaryShapefile"].Length);
    }

    [Theory]
    [InlineData("curl -X POST https://api.everbridge.net/rest/notifications -d @body.json")]
    [InlineData("import requests\nrequests.post(url, json=payload)")]
    [InlineData("\"just a string\"")]
    public void Everbridge_api_problem_with_script_code_instead_of_json_is_refused(string payload)
    {
        var decision = CaseIntake.Evaluate(ShippedPolicies.Everbridge, Submission("api-problem", new() { ["apiMethod"] = "POST /notifications", ["requestJson"] = payload }), Requesters.Contact(), Now);
        Assert.Equal(IntakeOutcome.Invalid, decision.Outcome);
        Assert.Contains("no código de un script", Assert.Single(decision.Errors["fields.requestJson"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Everbridge_api_problem_with_method_and_request_json_is_accepted()
    {
        var decision = CaseIntake.Evaluate(ShippedPolicies.Everbridge, Submission("api-problem", new() { ["apiMethod"] = "POST /notifications", ["requestJson"] = "{\"name\":\"drill\",\"broadcastContacts\":[1,2]}" }), Requesters.Contact(), Now);
        Assert.Equal(IntakeOutcome.Accepted, decision.Outcome);
        Assert.Contains(decision.Warnings, w => w.Code == "category-notice");
    }

    [Theory]
    [InlineData("pricing-billing")]
    [InlineData("contract-details")]
    [InlineData("training-request")]
    [InlineData("premium-features")]
    [InlineData("feature-provisioning")]
    [InlineData("contact-limits")]
    public void Everbridge_account_topics_go_to_account_management_not_support(string category)
    {
        var decision = CaseIntake.Evaluate(ShippedPolicies.Everbridge, Submission(category), Requesters.Contact(), Now);
        Assert.Equal(IntakeOutcome.Accepted, decision.Outcome);
        Assert.Equal("account-management", decision.Team);
    }

    [Fact]
    public void Everbridge_api_access_request_must_come_from_an_administrator()
    {
        var request = Submission("api-access", new() { ["apiUsername"] = "svc-alerts", ["organization"] = "Acme East" });
        Assert.Equal(IntakeOutcome.Accepted, CaseIntake.Evaluate(ShippedPolicies.Everbridge, request, Requesters.Contact(roles: ["Administrator"]), Now).Outcome);
        var refused = CaseIntake.Evaluate(ShippedPolicies.Everbridge, request, Requesters.Contact(roles: ["Dispatcher"]), Now);
        Assert.Equal(IntakeOutcome.Refused, refused.Outcome);
        Assert.Contains("Administrator", refused.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30, true)]
    [InlineData(20, false)]
    public void Everbridge_sms_report_older_than_24_hours_carries_the_log_window_warning(int hoursAgo, bool warned)
    {
        var report = Submission("sms-delivery", new() { ["recipientPhone"] = "+14155550123" }) with { OccurredAt = Now.AddHours(-hoursAgo) };

        var decision = CaseIntake.Evaluate(ShippedPolicies.Everbridge, report, Requesters.Contact(), Now);

        Assert.Equal(IntakeOutcome.Accepted, decision.Outcome);
        Assert.Equal(warned, decision.Warnings.Any(w => w.Code == "logs-likely-gone" && w.Message.Contains("24 horas", StringComparison.Ordinal)));
    }

    [Fact]
    public void Everbridge_conference_bridge_logs_last_three_days()
    {
        var report = Submission("conference-bridge", new() { ["notificationId"] = "n-1" });
        Assert.DoesNotContain(CaseIntake.Evaluate(ShippedPolicies.Everbridge, report with { OccurredAt = Now.AddDays(-2.9) }, Requesters.Contact(), Now).Warnings, w => w.Code == "logs-likely-gone");
        Assert.Contains(CaseIntake.Evaluate(ShippedPolicies.Everbridge, report with { OccurredAt = Now.AddDays(-3.1) }, Requesters.Contact(), Now).Warnings, w => w.Code == "logs-likely-gone");
    }

    [Fact]
    public void PureCloud_sev1_over_the_web_is_refused_with_the_phone_lines_and_accepted_by_phone()
    {
        var outage = Submission("technical-problem", new() { ["businessImpact"] = "No calls" }) with { Severity = 1 };

        var web = CaseIntake.Evaluate(ShippedPolicies.PureCloud, outage, Requesters.Contact(designated: true), Now);
        Assert.Equal(IntakeOutcome.Invalid, web.Outcome);
        Assert.Contains("+1-866-353-6587", Assert.Single(web.Errors["severity"]), StringComparison.Ordinal);

        var phone = CaseIntake.Evaluate(ShippedPolicies.PureCloud, outage, Requesters.Contact(channel: "phone", designated: true), Now);
        Assert.Equal(IntakeOutcome.Accepted, phone.Outcome);
        Assert.Equal(1, phone.Severity);
    }

    [Fact]
    public void PureCloud_non_designated_contact_is_refused()
    {
        var decision = CaseIntake.Evaluate(ShippedPolicies.PureCloud, Submission("technical-problem", new() { ["businessImpact"] = "Slow" }) with { Severity = 2 }, Requesters.Contact(designated: false), Now);
        Assert.Equal(IntakeOutcome.Refused, decision.Outcome);
        Assert.Contains("contactos designados", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Talkdesk_non_administrator_submission_is_accepted_and_closed_with_the_notice()
    {
        var decision = CaseIntake.Evaluate(ShippedPolicies.Talkdesk, Submission("billing"), Requesters.Contact(roles: ["Agent"]), Now);
        Assert.Equal(IntakeOutcome.AcceptedAndClosed, decision.Outcome);
        Assert.Contains("Administrator", decision.Notice, StringComparison.Ordinal);
        Assert.StartsWith("Talkdesk Customer Care solo procesa", decision.Notice, StringComparison.Ordinal);
    }

    [Fact]
    public void Talkdesk_custom_administrator_role_counts_as_administrator()
    {
        var requester = Requesters.Contact(roles: ["Supervisor Admin"], customRoles: new Dictionary<string, string> { ["Supervisor Admin"] = "Administrator" });
        Assert.Equal(IntakeOutcome.Accepted, CaseIntake.Evaluate(ShippedPolicies.Talkdesk, Submission("billing"), requester, Now).Outcome);
    }

    [Theory]
    [InlineData("high", "high", "technical-escalations", "urgent")]
    [InlineData("low", "low", "customer-care", "low")]
    [InlineData(null, null, "customer-care", "normal")]
    public void Talkdesk_triage_by_impact_and_urgency_picks_team_and_priority(string? impact, string? urgency, string team, string priority)
    {
        var ticket = Submission("technical-support") with { ProductAreas = ["Talkdesk Phone"], Impact = impact, Urgency = urgency };
        var decision = CaseIntake.Evaluate(ShippedPolicies.Talkdesk, ticket, Requesters.Contact(), Now);
        Assert.Equal(IntakeOutcome.Accepted, decision.Outcome);
        Assert.Equal(team, decision.Team);
        Assert.Equal(priority, decision.Priority);
    }

    [Fact]
    public void Every_broken_standard_rule_is_reported_together()
    {
        var submission = new CaseSubmission
        {
            Subject = new string('s', 201),
            Description = " ",
            Category = "nope",
            Cc = ["ok@example.com", "not-an-email", "also bad@x"],
            Severity = 9,
            ProductAreas = ["Warp drive"],
            OccurredAt = Now.AddDays(1),
        };

        var decision = CaseIntake.Evaluate(ShippedPolicies.Talkdesk, submission, Requesters.Contact(), Now);

        Assert.Equal(IntakeOutcome.Invalid, decision.Outcome);
        Assert.Equal(["category", "cc", "description", "occurredAt", "productAreas", "severity", "subject"], decision.Errors.Keys.Order());
        Assert.Equal(2, decision.Errors["cc"].Length);
        Assert.Contains("\"not-an-email\" no es una dirección de correo válida", decision.Errors["cc"]);
    }

    [Fact]
    public void Unknown_category_fields_and_bad_typed_fields_are_named()
    {
        var report = Submission("email-delivery", new() { ["recipientEmails"] = "a@x.com, broken", ["extra"] = "?" });
        var decision = CaseIntake.Evaluate(ShippedPolicies.Everbridge, report with { OccurredAt = Now }, Requesters.Contact(), Now);
        Assert.Contains("contiene un correo no válido: \"broken\"", Assert.Single(decision.Errors["fields.recipientEmails"]), StringComparison.Ordinal);
        Assert.Contains("no es un campo de la categoría", Assert.Single(decision.Errors["fields.extra"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_channel_the_policy_does_not_offer_is_refused()
    {
        var decision = CaseIntake.Evaluate(ShippedPolicies.Talkdesk, Submission("billing"), Requesters.Contact(channel: "phone"), Now);
        Assert.Equal(IntakeOutcome.Invalid, decision.Outcome);
        Assert.Contains("requester", decision.Errors.Keys);
    }
}
