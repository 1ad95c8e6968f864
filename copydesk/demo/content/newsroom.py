"""Newsroom set-up for the Copydesk demo: The Eastbrook Ledger.

Everything here is invented: the newspaper, the city of Eastbrook, its people, agencies and partners.
Links point only to hosts under the reserved .example top-level domain.
"""

NEWSPAPER = {
    "name": "The Eastbrook Ledger",
    "tagline": "Eastbrook, the harbour and the Teasel valley, reported since 1887",
    "description": (
        "Founded by a group of harbour merchants in 1887, The Eastbrook Ledger covers City Hall, the courts, "
        "the port and the daily life of Eastbrook's neighbourhoods, from Millbank and the Old Quay to "
        "Northgate and Larchfield. Its newsroom of reporters, photographers and contributors is joined by "
        "agency partners for national and world news, and by neighbouring titles across the valley."
    ),
}


SECTIONS = [
    {
        "slug": "local",
        "name": "Local",
        "description": (
            "News from Eastbrook's streets, schools, services and neighbourhoods, and from the towns along "
            "the Teasel valley."
        ),
    },
    {
        "slug": "politics",
        "name": "Politics",
        "description": (
            "City Hall, the regional assembly and parliament, and the elections that decide who runs them."
        ),
    },
    {
        "slug": "business",
        "name": "Business",
        "description": (
            "The port, the shipyard, the high street and the wider economy that pays Eastbrook's wages."
        ),
    },
    {
        "slug": "world",
        "name": "World",
        "description": (
            "International news, with an eye on how events abroad reach the harbour, the markets and "
            "families at home."
        ),
    },
    {
        "slug": "science",
        "name": "Science & Environment",
        "description": "Research, health, climate and the wildlife and waters of the Teasel estuary.",
    },
    {
        "slug": "culture",
        "name": "Culture",
        "description": (
            "Reviews, previews and reporting on the city's theatres, galleries, music venues, books and "
            "screens."
        ),
    },
    {
        "slug": "sport",
        "name": "Sport",
        "description": (
            "Results, reports and features from Eastbrook's clubs, courts, pitches and rowing lanes."
        ),
    },
]


AUTHORS = [
    {
        "slug": "maya-okafor",
        "name": "Maya Okafor",
        "job_title": "Senior city reporter",
        "kind": "staff",
        "bio": (
            "Maya Okafor joined the Ledger as a trainee on the night desk eleven years ago and has covered "
            "Eastbrook ever since. She spent four years as the paper's reporter in Northgate and Larchfield "
            "before becoming senior city reporter, and her series on unsafe private rentals around the Old "
            "Quay led the council to introduce a citywide landlord licensing scheme. She grew up in Holloway "
            "Cross and still takes the estuary ferry to work whenever the tide allows."
        ),
        "links": [("City Desk newsletter", "https://eastbrook-ledger.example/newsletters/city-desk")],
    },
    {
        "slug": "daniel-reyes-whitford",
        "name": "Daniel Reyes-Whitford",
        "job_title": "Political correspondent",
        "kind": "staff",
        "bio": (
            "Daniel Reyes-Whitford covers City Hall, the regional assembly and parliament's dealings with "
            "Eastbrook. Before joining the Ledger he spent six years as a researcher for a parliamentary "
            "select committee and three on the politics desk of the Harbour News Agency. He has reported on "
            "five mayoral elections and writes the weekly Council Chamber newsletter, which he describes as "
            "the only place in the city where standing orders are treated as a spectator sport."
        ),
        "links": [
            ("Council Chamber newsletter", "https://eastbrook-ledger.example/newsletters/council-chamber"),
            ("Social", "https://social.example/@dreyeswhitford"),
        ],
    },
    {
        "slug": "ingrid-solberg",
        "name": "Ingrid Solberg",
        "job_title": "Business editor",
        "kind": "staff",
        "bio": (
            "Ingrid Solberg leads the Ledger's coverage of the port, the shipyard, the city's employers and "
            "its small firms. She began her career as a shipping reporter for a freight trade journal in "
            "Lindhaven and moved to Eastbrook to join the paper nine years ago. Her investigation into the "
            "collapse of the Brinmoor Building Society won the regional press award for business journalism. "
            "She reads company accounts for pleasure and will admit to it."
        ),
        "links": [
            ("Harbour & Markets briefing", "https://eastbrook-ledger.example/newsletters/harbour-markets"),
        ],
    },
    {
        "slug": "tomas-albescu",
        "name": "Tomas Albescu",
        "job_title": "World affairs reporter",
        "kind": "staff",
        "bio": (
            "Tomas Albescu has reported from more than twenty countries, including four years in Vessa as "
            "Aldora correspondent for the Continental Press Service. He joined the Ledger to build a world "
            "desk that asks how distant events reach Eastbrook's docks, factories and kitchens. He speaks "
            "Aldoran, Kestish and passable Valtenian, and keeps a packed bag under his desk."
        ),
        "links": [],
    },
    {
        "slug": "priya-natarajan",
        "name": "Priya Natarajan",
        "job_title": "Science and environment reporter",
        "kind": "staff",
        "bio": (
            "Priya Natarajan studied marine biology at the University of Eastbrook and spent three years as "
            "a technician on the Teasel estuary monitoring programme, counting worms in mud at dawn, before "
            "moving into journalism. She covers climate, energy, public health research and the estuary's "
            "wildlife. Her reporting on sewage overflows into the Teasel prompted a regulator's inquiry into "
            "the city's water company."
        ),
        "links": [("Estuary Notes newsletter", "https://eastbrook-ledger.example/newsletters/estuary-notes")],
    },
    {
        "slug": "felix-amadi",
        "name": "Felix Amadi",
        "job_title": "Culture critic",
        "kind": "contributor",
        "bio": (
            "Felix Amadi reviews theatre, music and visual art for the Ledger and teaches a course in arts "
            "criticism at the Eastbrook College of Art. He co-founded the late-night jazz series at the Corn "
            "Exchange and spent a decade programming films for the Old Quay Picture House. His first book, a "
            "history of the city's dance halls, is due next year."
        ),
        "links": [("Website", "https://felixamadi.example")],
    },
    {
        "slug": "hannah-leclerc",
        "name": "Hannah Leclerc",
        "job_title": "Sports writer",
        "kind": "staff",
        "bio": (
            "Hannah Leclerc covers football, rugby, rowing and athletics for the Ledger, from the "
            "professional game to the Sunday leagues on Larchfield Common. She played hockey at county level "
            "until a knee injury at 22 turned her towards the press box. She joined the paper from a sports "
            "news agency and has reported on every edition of the Teasel Head of the River race since."
        ),
        "links": [("Social", "https://social.example/@hleclerc")],
    },
    {
        "slug": "samuel-osei",
        "name": "Samuel Osei",
        "job_title": "Data reporter",
        "kind": "staff",
        "bio": (
            "Samuel Osei analyses public records, spending data and election results for the Ledger and "
            "builds the charts and maps that run alongside its reporting. He previously worked for seven "
            "years as a statistician at the national statistics office, where he helped redesign the "
            "household income survey. He publishes the code and data behind his stories whenever the law "
            "allows."
        ),
        "links": [
            ("Data desk", "https://eastbrook-ledger.example/data"),
            ("Code", "https://code.example/samosei"),
        ],
    },
    {
        "slug": "rosa-lindqvist",
        "name": "Rosa Lindqvist",
        "job_title": "Photographer and reporter",
        "kind": "contributor",
        "bio": (
            "Rosa Lindqvist has photographed Eastbrook and the Teasel valley for fifteen years, working for "
            "the Ledger, the Harbour News Agency and several regional magazines. Her pictures of the estuary "
            "floods were exhibited at the Millbank Gallery and are held in the city archive. She also writes "
            "features about harbour life and the people who work on the water."
        ),
        "links": [("Portfolio", "https://rosalindqvist.example")],
    },
    {
        "slug": "jonah-feld",
        "name": "Jonah Feld",
        "job_title": "Courts reporter",
        "kind": "staff",
        "bio": (
            "Jonah Feld covers Eastbrook's magistrates' court, the high court and the tribunals where "
            "disputes over housing, employment and planning are settled. He trained as a legal clerk before "
            "switching to journalism and holds a postgraduate certificate in media law. He has sat through "
            "more than 1,400 hearings for the Ledger and still takes notes in shorthand."
        ),
        "links": [],
    },
]


AGENCIES = [
    {
        "key": "nwa",
        "name": "Northwind Wire",
        "credit": "NWA",
        "website": "https://northwind-wire.example",
        "licence_notes": (
            "Subscribers may publish Northwind Wire text and photographs in print and online for 30 days "
            "after transmission. Copy may be cut for length, but quotations must not be altered and the NWA "
            "credit must appear with every item."
        ),
    },
    {
        "key": "cps",
        "name": "Continental Press Service",
        "credit": "CPS",
        "website": "https://cps-news.example",
        "licence_notes": (
            "Stories may be republished in full or in part by subscribing titles, with the CPS credit and "
            "the reporter's name retained. Photographs are licensed for a single use and must not be cropped "
            "to remove the watermark."
        ),
    },
    {
        "key": "hna",
        "name": "Harbour News Agency",
        "credit": "HNA",
        "website": "https://harbour-news.example",
        "licence_notes": (
            "Regional members may use Harbour News Agency copy without time limit on their own websites and "
            "in print. Syndication to third parties requires written permission from the agency's licensing "
            "desk."
        ),
    },
]


PARTNERS = [
    {
        "name": "Valley Gazette",
        "website": "https://valleygazette.example",
    },
    {
        "name": "The Coastline Review",
        "website": "https://coastline-review.example",
    },
]
