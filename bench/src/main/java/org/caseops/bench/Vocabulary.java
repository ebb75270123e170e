package org.caseops.bench;

import java.util.List;

/** The words, names and phrases the corpus generator draws from: the everyday language of a company's mail. */
final class Vocabulary {
  private Vocabulary() {}

  static final List<String> FIRST_NAMES =
      List.of(
          "Adele", "Alex", "Allan", "Amara", "Ben", "Bianca", "Carlos", "Chen", "Chloe", "Daniel", "Diego", "Elena",
          "Emily", "Farah", "Gareth", "Grace", "Hannah", "Henrik", "Irvin", "Isaiah", "Jana", "Johanna", "Joni",
          "Julia", "Kai", "Karim", "Laura", "Lee", "Lidia", "Lynne", "Marcus", "Megan", "Miriam", "Nestor", "Nora",
          "Olga", "Omar", "Patti", "Pradeep", "Priya", "Rafael", "Raul", "Rosa", "Samuel", "Sanjay", "Sofia",
          "Stefan", "Tamara", "Thomas", "Valentina", "Victor", "Wei", "Yusuf", "Zoe");

  static final List<String> LAST_NAMES =
      List.of(
          "Vance", "Wilber", "Deyoung", "Okafor", "Walters", "Ferrari", "Mendoza", "Liu", "Martin", "Becker",
          "Alvarez", "Petrova", "Johnson", "Haddad", "Price", "Kim", "Lindqvist", "Sherman", "Bell", "Novak",
          "Sorensen", "Sellers", "Castillo", "Nakamura", "Rahman", "Gomez", "Zhang", "Salas", "Dubois", "Cohen",
          "Bowen", "Wright", "Fernandez", "Ivanova", "Aziz", "Fernandes", "Patel", "Krishnan", "Costa", "Reyes",
          "Silva", "Baker", "Iyer", "Rossi", "Hoffmann", "Greene", "Thompson", "Moreau", "Brooks", "Wang", "Yilmaz",
          "Clarke", "Schmidt", "Ortiz");

  /** Names that need RFC 2047 encoding in a header. */
  static final List<String> ACCENTED_NAMES =
      List.of("José Álvarez", "Zoë Müller", "Łukasz Wójcik", "François Lefèvre", "Søren Kjær", "Inés Peña",
          "Ayşe Yıldız", "Björn Ångström");

  static final List<String> COMPANY_DOMAINS = List.of("contoso.com");

  static final List<String> PARTNER_DOMAINS =
      List.of(
          "fabrikam.com", "northwindtraders.com", "adatum.com", "litwareinc.com", "tailspintoys.com",
          "woodgrovebank.com", "alpineskihouse.com", "proseware.com", "wingtiptoys.com", "fourthcoffee.com");

  static final List<String> TITLES =
      List.of(
          "Senior Counsel", "Finance Manager", "Project Lead", "Procurement Specialist", "Account Executive",
          "Operations Director", "Compliance Officer", "Sales Manager", "Controller", "Program Manager",
          "Paralegal", "Business Analyst", "Head of Partnerships", "Supply Chain Coordinator", "HR Business Partner");

  static final List<String> PROJECTS =
      List.of(
          "Falcon", "Northstar", "Bluebird", "Harbor", "Atlas", "Meridian", "Cobalt", "Juniper", "Sequoia",
          "Tidewater", "Granite", "Lighthouse", "Orchid", "Redwood", "Summit");

  static final List<String> DOCUMENTS =
      List.of(
          "draft agreement", "statement of work", "master services agreement", "purchase order", "invoice",
          "budget forecast", "board deck", "due diligence checklist", "risk register", "vendor assessment",
          "change request", "non-disclosure agreement", "pricing proposal", "audit findings", "project plan",
          "steering committee minutes", "term sheet", "shipping schedule", "quality report", "settlement proposal");

  static final List<String> TEAMS =
      List.of(
          "legal", "finance", "procurement", "sales", "operations", "compliance", "engineering", "marketing",
          "customer success", "internal audit", "HR", "logistics");

  static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday");

  static final List<String> QUARTERS = List.of("Q1", "Q2", "Q3", "Q4");

  /** Subject lines; {project}, {doc}, {team}, {quarter}, {code}, {year} and {client} are filled in. */
  static final List<String> SUBJECTS =
      List.of(
          "{project} status update",
          "Updated {doc} for {client}",
          "{quarter} {year} budget review",
          "Action items from today's call",
          "{code}: revised timeline",
          "Question about the {doc}",
          "Meeting notes - {project} steering committee",
          "{client} renewal terms",
          "Please review: {doc} ({code})",
          "Weekly {team} sync",
          "Follow-up on {client} invoice dispute",
          "{project} risks and mitigations",
          "Draft response to {client}",
          "Sign-off needed on {doc}",
          "Travel plans for the {client} visit",
          "{team} headcount for {quarter}",
          "Contract amendment {code}",
          "Reminder: {doc} due {day}",
          "Pricing exception request for {client}",
          "Lessons learned from {project}",
          "{code} escalation",
          "Quick question",
          "Vendor onboarding: {client}",
          "Forecast variance {quarter} {year}",
          "Board materials for {quarter}",
          "Confidential: {project} acquisition scenarios",
          "Shipment delay affecting {code}",
          "Legal hold notice - {project}",
          "Re-forecast of {team} spend",
          "Closing checklist for {client}");

  /** Subjects that need RFC 2047 encoding, each with a sentence in the same language for the body. */
  static final List<String[]> INTERNATIONAL =
      List.of(
          new String[] {
            "Réunion budgétaire – révision du prévisionnel",
            "Merci de confirmer votre présence à la réunion de jeudi."
          },
          new String[] {
            "Überprüfung der Verträge für das Geschäftsjahr",
            "Bitte prüfen Sie die Änderungen bis Freitag."
          },
          new String[] {
            "Preparación del informe trimestral",
            "Adjunto la versión más reciente del análisis de costes."
          },
          new String[] {
            "Relatório de auditoria – próximos passos",
            "Precisamos da aprovação da diretoria até sexta-feira."
          },
          new String[] {"会議の議事録と次のステップ", "来週の打ち合わせまでに資料をご確認ください。"},
          new String[] {
            "Sprawozdanie finansowe – uwagi zarządu",
            "Proszę o przesłanie poprawionej wersji do środy."
          },
          new String[] {
            "Leverandøraftale – endelig gennemgang",
            "Vi skal have underskrifterne på plads før månedsskiftet."
          },
          new String[] {"Ödeme planı ve sözleşme değişiklikleri", "Lütfen güncellenmiş tabloyu kontrol edin."});

  /** Sentence patterns for message bodies; the placeholders are the ones of {@link #SUBJECTS}, plus a few more. */
  static final List<String> SENTENCES =
      List.of(
          "Please review the {doc} for {client} before {day} so we can send comments back.",
          "{name} mentioned that the {team} team expects revenue to change by {pct}% in {quarter}.",
          "I have attached the latest version of the {doc} with the changes we discussed.",
          "The {project} milestone slipped by two weeks because the vendor missed the delivery of {code}.",
          "Can you confirm whether {client} agreed to the revised payment terms of {amount}?",
          "We still need sign-off from {team} before the {doc} can go out.",
          "According to the {doc}, the liability cap is {amount} and the notice period is ninety days.",
          "Let's schedule a call on {day} to walk through the open items on {project}.",
          "{name} will own the follow-up with {client} and report back at the next steering meeting.",
          "The audit team flagged {count} exceptions in the {quarter} reconciliation that need an explanation.",
          "Our forecast assumes a {pct}% discount on the renewal, which finance has not approved yet.",
          "Please keep this confidential until the announcement; only the {team} leads are aware of it.",
          "I spoke with {name} this morning and the shipment for {code} is now expected on {date}.",
          "The updated budget for {project} is {amount}, which is within the range approved by the board.",
          "If there are no objections by {day}, I will send the {doc} to {client} for signature.",
          "We should document the decision in the risk register and link it to {code}.",
          "The customer has asked for a credit of {amount} against the disputed invoice.",
          "Could you pull together the usage figures for {client} covering the last {count} months?",
          "Procurement has shortlisted {count} vendors and will circulate the comparison on {day}.",
          "As agreed, the {team} team will take over the {project} workstream from {date}.",
          "There is a discrepancy of {amount} between the purchase order and the invoice for {code}.",
          "I would rather not put this in writing; let's discuss it when we meet on {day}.",
          "The draft still refers to the old entity name, so legal will need another pass.",
          "Headcount for {team} stays flat in {quarter}, with two backfills approved.",
          "Thanks for the quick turnaround on the {doc}; it reads much better now.");

  /** Openings of paragraphs that, at the start of a line, an mbox file must quote. */
  static final List<String> FROM_OPENINGS =
      List.of(
          "From the finance side, ", "From what I heard on the call, ", "From our perspective, ",
          "From next week on, ", "From a legal standpoint, ");

  static final List<String> GREETINGS =
      List.of("Hi {first},", "Hello {first},", "Dear {first},", "{first},", "Hi all,", "Team,");

  static final List<String> CLOSINGS =
      List.of("Best regards,", "Thanks,", "Kind regards,", "Cheers,", "Regards,", "Thank you,");

  /** Business vocabulary for free-running sentences, so that the index sees a realistic spread of terms. */
  static final List<String> WORDS =
      List.of(
          "account", "accrual", "acquisition", "action", "addendum", "adjustment", "agenda", "agreement", "allocation",
          "amendment", "analysis", "annual", "approval", "arbitration", "asset", "assumption", "audit", "backlog",
          "balance", "baseline", "benchmark", "billing", "board", "bonus", "breach", "briefing", "budget", "business",
          "buyer", "calendar", "capacity", "capital", "carrier", "cash", "channel", "claim", "clause", "client",
          "closing", "commission", "commitment", "committee", "compliance", "confidential", "consent", "contract",
          "contractor", "cost", "counsel", "counterparty", "coverage", "credit", "customer", "deadline", "deal",
          "debt", "decision", "default", "deliverable", "delivery", "demand", "deposit", "diligence", "director",
          "discount", "dispute", "distribution", "dividend", "draft", "due", "earnings", "effective", "employee",
          "engagement", "entity", "equity", "escalation", "estimate", "evidence", "exception", "execution", "exhibit",
          "expense", "exposure", "facility", "fee", "filing", "finance", "fiscal", "forecast", "freight", "funding",
          "governance", "guarantee", "guidance", "headcount", "hold", "impact", "incentive", "indemnity", "initiative",
          "inventory", "invoice", "issue", "joint", "jurisdiction", "lease", "ledger", "legal", "liability", "license",
          "litigation", "logistics", "loss", "margin", "market", "matter", "meeting", "merger", "milestone",
          "negotiation", "notice", "obligation", "offer", "onboarding", "operations", "order", "outlook", "overdue",
          "owner", "partner", "payment", "payroll", "penalty", "pension", "performance", "pipeline", "plan", "policy",
          "portfolio", "premium", "pricing", "priority", "procurement", "product", "profit", "program", "project",
          "projection", "proposal", "provision", "purchase", "quarter", "quota", "rate", "rebate", "receivable",
          "reconciliation", "record", "refund", "regulator", "renewal", "report", "request", "requirement",
          "reserve", "resolution", "resource", "retention", "revenue", "review", "risk", "roadmap", "royalty",
          "salary", "schedule", "scope", "settlement", "shareholder", "shipment", "signature", "specification",
          "sponsor", "stakeholder", "statement", "strategy", "subsidiary", "supplier", "supply", "target", "tax",
          "tender", "term", "termination", "timeline", "transaction", "transfer", "travel", "treasury", "trend",
          "update", "valuation", "variance", "vendor", "venture", "volume", "warranty", "workstream", "writeoff",
          "approved", "pending", "revised", "urgent", "final", "preliminary", "outstanding", "quarterly", "material",
          "internal", "external", "regional", "global", "strategic", "operational", "contractual", "financial",
          "reasonable", "critical", "overall", "significant", "current", "previous", "upcoming", "expected",
          "review", "confirm", "discuss", "escalate", "finalize", "negotiate", "reconcile", "submit", "approve",
          "circulate", "prepare", "update", "align", "allocate", "invoice", "deliver", "extend", "terminate");
}
