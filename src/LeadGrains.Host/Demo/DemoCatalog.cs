namespace LeadGrains.Host.Demo;

/// <summary>
/// The vocabulary synthetic leads are drawn from: people, accounts, titles, markets, channels and the
/// reasons sales gives. Weights are rough shares of a B2B inbound funnel, not measured data. Every
/// company and domain here is fictitious (the Microsoft sample companies and invented ones).
/// </summary>
public static class DemoCatalog
{
    public sealed record Company(string Name, string Domain, string Industry, int Employees);

    public sealed record Market(string Country, string Region, int Weight);

    public sealed record Channel(string Source, string[] Campaigns, int Weight);

    /// <summary>Domains of the competitor that demo scoring disqualifies.</summary>
    public static readonly string[] CompetitorDomains = ["rivalgrains.com"];

    public static readonly string[] FreeMailDomains = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com", "gmx.de", "proton.me"];

    public static readonly string[] StudentDomains = ["student.university.edu", "mail.techuni.ac.uk", "stud.hochschule.de"];

    public static readonly string[] FirstNames =
    [
        "Ada", "Alan", "Amara", "Ana", "Arjun", "Ben", "Camille", "Carlos", "Chen", "Chloe", "Daniel", "Elena", "Emma", "Fatima",
        "Felix", "Grace", "Hannah", "Hiro", "Ines", "Isaac", "Jack", "James", "Julia", "Kenji", "Lars", "Laura", "Leila", "Lucas",
        "Maria", "Mateo", "Mei", "Nadia", "Noah", "Olivia", "Omar", "Priya", "Rahul", "Sara", "Sofia", "Tom", "Yuki", "Zoe",
    ];

    public static readonly string[] LastNames =
    [
        "Andersson", "Bauer", "Brown", "Chen", "Costa", "Dubois", "Fischer", "Garcia", "Gupta", "Hansen", "Ito", "Jansen", "Khan",
        "Kim", "Kowalski", "Lopez", "Martin", "Meyer", "Moreau", "Murphy", "Nakamura", "Nguyen", "OBrien", "Patel", "Rossi", "Santos",
        "Schmidt", "Silva", "Singh", "Smith", "Suzuki", "Tanaka", "Taylor", "Walsh", "Wang", "Weber", "Williams", "Wilson",
    ];

    public static readonly Company[] Companies =
    [
        new("Contoso", "contoso.com", "Software", 4200),
        new("Fabrikam", "fabrikam.com", "Manufacturing", 12000),
        new("Northwind Traders", "northwindtraders.com", "Retail", 850),
        new("Adventure Works", "adventure-works.com", "Retail", 2300),
        new("Woodgrove Bank", "woodgrovebank.com", "Financial Services", 18000),
        new("Tailspin Toys", "tailspintoys.com", "Retail", 140),
        new("Litware", "litwareinc.com", "Software", 320),
        new("Proseware", "proseware.com", "Software", 65),
        new("Wingtip Toys", "wingtiptoys.com", "Retail", 45),
        new("Alpine Ski House", "alpineskihouse.com", "Hospitality", 210),
        new("Coho Winery", "cohowinery.com", "Food and Beverage", 90),
        new("Fourth Coffee", "fourthcoffee.com", "Food and Beverage", 1300),
        new("Lucerne Publishing", "lucernepublishing.com", "Media", 480),
        new("Relecloud", "relecloud.com", "Software", 2600),
        new("Trey Research", "treyresearch.net", "Healthcare", 760),
        new("Wide World Importers", "wideworldimporters.com", "Manufacturing", 5400),
        new("Humongous Insurance", "humongousinsurance.com", "Financial Services", 9100),
        new("Blue Yonder Airlines", "blueyonderairlines.com", "Transportation", 15000),
        new("Lamna Healthcare", "lamnahealthcare.com", "Healthcare", 3300),
        new("VanArsdel", "vanarsdelltd.com", "Manufacturing", 560),
        new("Southridge Video", "southridgevideo.com", "Media", 35),
        new("Datum Corporation", "adatum.com", "Telecommunications", 7800),
        new("Margie's Travel", "margiestravel.com", "Hospitality", 120),
        new("Graphic Design Institute", "graphicdesigninstitute.com", "Education", 60),
        new("Kestrel Logistics", "kestrel-logistics.io", "Transportation", 430),
        new("Nimbus Analytics", "nimbusanalytics.io", "Software", 28),
        new("Harbor Health", "harborhealth.org", "Healthcare", 1900),
        new("Quill & Ledger", "quillandledger.com", "Financial Services", 75),
        new("Brightwave Telecom", "brightwavetelecom.com", "Telecommunications", 2100),
        new("Solstice Retail Group", "solsticeretail.com", "Retail", 6400),
    ];

    /// <summary>Titles by how often they fill in forms: many practitioners, fewer executives, some students.</summary>
    public static readonly (string Title, int Weight)[] Titles =
    [
        ("Chief Revenue Officer", 2), ("CEO", 2), ("CTO", 2), ("CMO", 2), ("VP Sales", 4), ("VP Marketing", 4),
        ("Head of Revenue Operations", 5), ("Director of Demand Generation", 5), ("Director of Sales Development", 4),
        ("Marketing Operations Manager", 8), ("Sales Operations Manager", 7), ("SDR Team Lead", 5), ("Principal Engineer", 3),
        ("Marketing Manager", 8), ("Account Executive", 6), ("Senior Software Engineer", 5), ("Marketing Coordinator", 7),
        ("Business Analyst", 5), ("Consultant", 4), ("Office Manager", 2),
    ];

    public static readonly string[] StudentTitles = ["Student", "Marketing Intern", "MBA Student"];

    /// <summary>Where leads come from; the demo pools route NA by country and EMEA and APAC by region.</summary>
    public static readonly Market[] Markets =
    [
        new("US", "NA", 34), new("CA", "NA", 6), new("GB", "EMEA", 10), new("DE", "EMEA", 8), new("FR", "EMEA", 5),
        new("NL", "EMEA", 4), new("SE", "EMEA", 3), new("IE", "EMEA", 2), new("ES", "EMEA", 2), new("AU", "APAC", 6),
        new("JP", "APAC", 4), new("IN", "APAC", 5), new("SG", "APAC", 3), new("BR", "LATAM", 4), new("MX", "LATAM", 2),
        new("ZA", "EMEA", 2),
    ];

    public static readonly Channel[] Channels =
    [
        new("organic", ["", "blog-speed-to-lead", "seo-lead-routing-guide"], 30),
        new("paid_search", ["ppc-lead-routing", "ppc-round-robin", "ppc-competitor-terms"], 22),
        new("webinar", ["webinar-routing-101", "webinar-sla-playbook-q1"], 14),
        new("content_syndication", ["ebook-speed-to-lead", "report-state-of-revops-2026"], 12),
        new("paid_social", ["linkedin-revops-leaders", "linkedin-retargeting"], 9),
        new("partner", ["partner-crm-marketplace", "partner-agency-referral"], 7),
        new("event", ["revops-summit-2026-booth", "saas-connect-roundtable"], 6),
    ];

    public static readonly string[] Tags =
    [
        "newsletter", "trial-signup", "pricing-interest", "enterprise-interest", "event-booth", "ebook", "customer-referral",
        "integration-salesforce", "integration-hubspot", "retargeted",
    ];

    public static readonly string[] Products = ["routing", "scoring", "sla", "reports"];

    public static readonly string[] RejectReasons = ["not decision maker", "no budget", "duplicate of an open deal", "existing customer", "wrong region"];

    public static readonly string[] ReturnReasons = ["not ready to buy", "timing: next quarter", "researching only"];

    public static readonly string[] LostReasons = ["chose competitor", "price", "no decision", "no response", "timing"];
}
