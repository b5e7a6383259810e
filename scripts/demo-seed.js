// Seeds the scripts/run demo through the admin API (fixed ids, so a second run reuses them), issues fresh keys,
// and prints them with a curl line that opens a case valid under the running policy.
// Usage: node scripts/demo-seed.js <base url> <bootstrap key> <policy file>
const [base, bootstrapKey, policyFile] = process.argv.slice(2);
const policy = JSON.parse(require("fs").readFileSync(policyFile, "utf8"));

async function call(method, path, body, key = bootstrapKey) {
  const response = await fetch(base + path, {
    method,
    headers: { "X-Api-Key": key, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok && response.status !== 409) {
    throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  }
  return text ? JSON.parse(text) : null;
}

// A case body every rule of the policy accepts: a category without required uploads, its required fields filled in.
function exampleCase() {
  const needsUpload = (c) => (c.fields || []).some((f) => f.type === "attachment" && (f.required || f.requiredWhen));
  const open = (c) => !c.entitlement || !(c.entitlement.roles || []).length;
  const category = policy.categories.find((c) => !needsUpload(c) && open(c) && !(c.requiredCaseFields || []).includes("occurredAt")) || policy.categories[0];
  const sample = { text: "example", enum: null, json: { example: true }, timestamp: new Date().toISOString(), emailList: "someone@example.com", phone: "+14155550123" };
  const fields = {};
  for (const f of category.fields || []) {
    if (f.required && f.type !== "attachment") fields[f.id] = f.type === "enum" ? f.values[0] : sample[f.type];
  }
  const body = { subject: "Cannot send a notification", description: "Created from the scripts/run demo", category: category.id };
  if (Object.keys(fields).length) body.fields = fields;
  for (const field of category.requiredCaseFields || []) {
    if (field === "environment") body.environment = (policy.intake.environments || ["PROD"])[0];
    if (field === "productAreas") body.productAreas = [(policy.intake.productAreas || ["General"])[0]];
  }
  return body;
}

(async () => {
  await call("POST", "/api/admin/accounts", { id: "demo-account", name: "Demo Customer", timeZone: "America/New_York", language: policy.defaultLanguage || "en", contractStatus: "active" });
  await call("POST", "/api/admin/accounts/demo-account/contacts", { id: "demo-admin", name: "Dana Admin", email: "dana.admin@demo.example", phone: "+15551230001", roles: ["Administrator"], designated: true, maySendNotifications: true });
  await call("PUT", "/api/admin/accounts/demo-account/phone-pin", { pin: "4821" });
  await call("POST", "/api/admin/accounts/demo-account/contacts", { id: "demo-user", name: "Uli User", email: "uli.user@demo.example", roles: ["User"] });
  const team = (policy.teams.find((t) => t.kind === "support") || policy.teams[0]).id;
  await call("POST", "/api/admin/agents", { id: "demo-agent", name: "Sam Agent", email: "sam.agent@vendor.example", teams: [team] });
  const key = async (principalKind, principalId, accountId) => (await call("POST", "/api/admin/keys", { principalKind, principalId, accountId, label: "scripts/run demo" })).key;
  const adminContact = await key("contact", "demo-admin", "demo-account");
  const plainContact = await key("contact", "demo-user", "demo-account");
  const agent = await key("agent", "demo-agent");
  const body = JSON.stringify(exampleCase()).replace(/'/g, "'\\''");
  console.log(`
Demo data (policy '${policy.id}'): account demo-account; keys are new each run, shown once:
  contact, Administrator  ${adminContact}
  contact, User           ${plainContact}
  agent                   ${agent}
  admin (bootstrap)       ${bootstrapKey}
Open a case:
  curl -s -X POST ${base}/api/cases -H 'X-Api-Key: ${adminContact}' -H 'Content-Type: application/json' -d '${body}'`);
})().catch((error) => {
  console.error("Seeding the demo failed: " + error.message);
  process.exit(1);
});
