"""Hand-written, invented agency copy for the duplicate-detection set (see dedupe_cases.py).

Everything here is made up: the city of Eastbrook, its districts, companies, people and agencies.
"""

# What each agency puts round every story it sends: the lines that make two unrelated stories
# from one feed look alike to a shingle comparison.
AGENCIES = {
    "NWA": {
        "name": "Northwind Wire",
        "header": "",
        "footer": (
            "<p>Northwind Wire — regional news for the Teasel valley. Editors: call the news desk on "
            "01632 960 412 for corrections, pictures or follow-ups.</p>"
            "<p>© 2026 Northwind Wire Ltd. All rights reserved. Not for redistribution without a licence.</p>"
        ),
    },
    "CPS": {
        "name": "Continental Press Service",
        "header": "",
        "footer": (
            "<p>(Reporting by {reporter}; editing by {editor})</p>"
            "<p>Continental Press Service. Copyright 2026. Subscribers may publish this story in full "
            "or in part; resale or archiving beyond 30 days is prohibited.</p>"
        ),
    },
    "HNA": {
        "name": "Harbour News Agency",
        "header": "<p>HARBOUR NEWS AGENCY — FOR IMMEDIATE USE — SUBSCRIBERS ONLY</p>",
        "footer": (
            "<p>Harbour News Agency is an independent cooperative of regional newspapers. Photographs "
            "for this story are available on the subscriber portal.</p>"
        ),
    },
}
REPORTERS = ["Mira Osei", "Tom Radley", "Ines Carvalho", "Kofi Mensah", "Hanna Lindqvist", "Raj Patel"]
EDITORS = ["Alison Reed", "Bernard Quist", "Chloe Ambrose"]

# A new paragraph the agency adds when it updates a story (keyed by the labelled pair it extends).
UPDATES = {
    "rewrite-C1": "The council later confirmed that the library's ground floor will stay open as a "
    "temporary lending point for the first three months of the work.",
    "rewrite-C2": "Traders on Ropewalk said they would hold a street party on Saturday to celebrate "
    "the vote.",
    "rewrite-S1": "By Wednesday afternoon the water had begun to fall, and the fire service said "
    "eleven people had been taken to the emergency rest centre at Millbank school.",
    "rewrite-B1": "Rovers manager Karen Doyle said after the match that Okafor had played the last "
    "half hour with a broken finger.",
    "rewrite-R1": "Police said on Thursday that a 17-year-old boy had been arrested on suspicion of "
    "arson and released on bail.",
    "rewrite-T1": "Opposition councillors called for an independent review of the project's budget.",
    "rewrite-T3": "The transport authority said extra buses would run between Old Quay and Northgate "
    "during the closure.",
    "rewrite-J1": "The trial, expected to last three weeks, continues.",
    "rewrite-H1": "On its first night the department treated 212 patients, the hospital said.",
    "rewrite-E1": "The regional mayor said she would meet Bramwell Marine's owners next week to "
    "discuss a rescue package for the yard.",
    "rewrite-V1": "Eastbrook Water said on Monday evening that the pumps had been repaired and that "
    "tests of the water would be published daily.",
    "rewrite-D1": "Parents will be given laptops for children who do not have one at home, the school said.",
    "rewrite-P2": "Detectives released images of the two mopeds and asked drivers with dashboard "
    "cameras to come forward.",
    "rewrite-K1": "Tickets for the opening night sold out within two hours of going on sale.",
    "rewrite-L1": "The result leaves Labour with a majority of three on the city council.",
    "rewrite-X1": "The operator said a replacement vessel had been chartered from a company in "
    "Fenwick and would start sailing on Thursday.",
    "rewrite-C5": "His deputy, Moira Quinlan, will lead the council until the group elects a new "
    "leader next month.",
    "rewrite-E4": "A petition asking FreshWay to reconsider had more than 4,000 signatures by Friday "
    "evening.",
    "rewrite-B4": "Novak is expected to make his debut against Harbourside Athletic next Saturday.",
    "rewrite-H3": "The health board will discuss the figures at a special meeting on Thursday.",
}

# Same-day company briefs: the kind an agency's business desk writes from one template all day.
# name, ticker, sector, headquarters, staff, rose?, event (headline), event (body), detail
COMPANIES = [
    ("Harlow Foods", "HRF", "food retailer", "Eastbrook", 4200, True, "profit beats forecasts",
     "reported a 12% rise in half-year profit, helped by strong sales of its own-brand ready meals",
     "Chief executive Anita Brogan said shoppers were trading down from restaurants to eating at home."),
    ("Kestrel Mining", "KMG", "copper miner", "Fenwick", 2900, False, "output falls at Dunmore pit",
     "said flooding at its Dunmore pit had cut quarterly copper output by a fifth",
     "The company expects the pit to return to full production by the end of the year."),
    ("Bramwell Marine", "BWM", "shipbuilder", "Eastbrook", 1100, False, "warns on orders",
     "warned that its order book would not cover the yard's work beyond next spring",
     "Analysts at Teasel Capital cut their price target on the stock by a quarter."),
    ("Orrin Telecom", "ORT", "broadband provider", "Northgate", 6100, True, "wins rural network contract",
     "won a government contract to bring fibre broadband to 180,000 rural homes",
     "The contract runs for six years and is worth up to £420 million."),
    ("Saltmarsh Energy", "SME", "wind farm developer", "Kessholm", 800, True, "secures offshore site",
     "secured the lease for a 1.2 gigawatt offshore site north of Kessholm",
     "Construction is due to begin in 2028, subject to planning consent."),
    ("Pell & Garrow", "PGW", "housebuilder", "Larchfield", 2300, False, "sales slow",
     "said weekly sales per site had fallen by 9% since the summer as mortgage rates rose",
     "The group kept its target of completing 3,100 homes this year."),
    ("Lumen Pharma", "LMP", "drugmaker", "Millbank", 3500, True, "asthma drug passes trial",
     "said its experimental asthma inhaler had met its main goal in a late-stage trial",
     "The company plans to ask regulators for approval early next year."),
    ("Cobalt Freight", "CBF", "haulage group", "Eastbrook", 5400, False, "cuts outlook on fuel costs",
     "cut its full-year profit forecast, blaming higher diesel prices and a shortage of drivers",
     "It will raise delivery charges to customers from January."),
    ("Wrenfield Bank", "WFB", "regional lender", "Northgate", 7800, True, "lifts dividend",
     "raised its interim dividend by a third after bad loans came in lower than feared",
     "The bank also announced a £50 million share buyback."),
    ("Ferris & Daughter", "FAD", "jewellery chain", "Millbank", 950, False, "shuts 12 stores",
     "said it would close 12 of its 64 shops after a weak Christmas season",
     "About 140 jobs are affected, though the company hopes to move most staff to other stores."),
    ("Teasel Water", "TWL", "water utility", "Eastbrook", 2700, False, "fined over sewage spills",
     "was fined £3.1 million by the regulator over sewage spills into the Teasel estuary",
     "The company said it had already begun a £90 million upgrade of its pumping stations."),
    ("Northlight Games", "NLG", "video game studio", "Old Quay", 640, True, "hit game tops charts",
     "said its sailing game Windward had sold two million copies in its first month",
     "A version for consoles is planned for the spring."),
    ("Ashby Chemicals", "ACH", "chemicals maker", "Larchfield", 3300, False, "plant outage hits sales",
     "said an outage at its Kiln Road plant had cut third-quarter sales by 7%",
     "The plant restarted last week after repairs to a cooling system."),
    ("Greystone Hotels", "GSH", "hotel group", "Old Quay", 4100, True, "bookings hit record",
     "reported record summer bookings, with room rates up 8% on a year earlier",
     "Its new harbour hotel in Old Quay opens in March."),
    ("Vantage Airways", "VTA", "regional airline", "Fenwick", 1900, False, "grounds three jets",
     "grounded three of its jets for engine inspections, cancelling about 60 flights this week",
     "Passengers on cancelled flights will be offered refunds or seats on other routes."),
    ("Ropewalk Software", "RWS", "accounting software firm", "Eastbrook", 1250, True, "agrees takeover",
     "agreed to be bought by a US rival for £610 million in cash",
     "The board said it would recommend the offer to shareholders."),
]  # fmt: skip

# One day's closing reports from the stock markets an agency covers.
# city, index, rose?, leader, leader's reason, laggard, laggard's reason
MARKETS = [
    ("Eastbrook", "Teasel 100", True, "Lumen Pharma", "positive trial results for its asthma inhaler",
     "Bramwell Marine", "a warning about its order book"),
    ("Fenwick", "Fenwick All-Share", False, "Vantage Airways", "hopes that its grounded jets would fly again soon",
     "Kestrel Mining", "flooding at its main copper pit"),
    ("Northgate", "Northgate Tech 40", True, "Orrin Telecom", "a large government broadband contract",
     "Wrenfield Bank", "profit-taking after its dividend rise"),
    ("Kessholm", "Kessholm Composite", True, "Saltmarsh Energy", "winning an offshore wind lease",
     "Greystone Hotels", "a broker's downgrade"),
    ("Larchfield", "Larchfield Industrials", False, "Pell & Garrow", "bargain hunting after recent falls",
     "Ashby Chemicals", "an outage at its Kiln Road plant"),
    ("Millbank", "Millbank Small Caps", True, "Northlight Games", "strong sales of its sailing game",
     "Ferris & Daughter", "news that it will close 12 shops"),
]  # fmt: skip

# Short local items, one agency writes dozens a day: each a different story.
BRIEFS = [
    ("Kiln Road closed after lorry sheds timber load",
     "Kiln Road in Larchfield was closed in both directions on Monday morning after a lorry shed its "
     "load of timber near the Foundry Road junction. Police said no one was hurt and the road should "
     "reopen by lunchtime."),
    ("Man charged over Northgate shop break-in",
     "A 34-year-old man has been charged with burglary after a newsagent's on Station Parade in "
     "Northgate was broken into overnight on Sunday. He will appear before Eastbrook magistrates on "
     "Wednesday."),
    ("Teasel Park pitch passed fit for Saturday's match",
     "Eastbrook Rovers' game against Fenwick Town will go ahead after the Teasel Park pitch passed a "
     "morning inspection. Groundstaff had worked through the night to clear standing water."),
    ("Millbank swimming pool to close for repairs",
     "Millbank leisure centre's swimming pool will close for four weeks from Monday while its roof "
     "beams are strengthened. The gym and sports hall will stay open."),
    ("Missing dog found after three days on Reed Marsh",
     "A spaniel missing for three days has been found safe on Reed Marsh by a birdwatcher. Its owners, "
     "from Old Quay, had put up hundreds of posters across the city."),
    ("Council opens consultation on Old Quay cycle lanes",
     "Residents have six weeks to comment on plans for protected cycle lanes along Quay Street and "
     "Ropewalk. The council will hold a drop-in session at the Maritime Museum on 12 May."),
    ("Fog delays flights at Eastbrook airport",
     "Thick fog delayed more than 20 flights at Eastbrook airport on Tuesday morning. Two arrivals "
     "from Fenwick were diverted to Kessholm. The airport said services were back to normal by noon."),
    ("Larchfield library extends opening hours",
     "Larchfield library will open until 8 p.m. on weekdays from next month, after volunteers offered "
     "to staff the evening shifts. The branch had closed at 5 p.m. since 2020."),
    ("Gas leak forces evacuation of Millbank street",
     "About 30 homes on Chandler Street in Millbank were evacuated for two hours on Thursday after "
     "workmen damaged a gas main. Residents were allowed back once engineers had sealed the pipe."),
    ("Eastbrook choir wins national competition",
     "The Eastbrook Community Choir has won the national amateur choir competition in its first "
     "attempt, beating 40 other groups with a programme of sea shanties and folk songs."),
    ("Northgate tram stop reopens after refurbishment",
     "The Northgate Cross tram stop has reopened after a two-month refurbishment that added lifts and "
     "a covered waiting area. Trams had been running straight through the stop since March."),
    ("Two arrested after fight outside Old Quay bar",
     "Two men were arrested after a fight outside a bar on Wharf Lane in Old Quay early on Saturday. "
     "A third man was treated in hospital for a head injury and later discharged."),
    ("Teasel estuary ferry fares to rise in April",
     "Fares on the Teasel estuary foot ferry will rise by 20 pence to £2.60 from April, the operator "
     "said, blaming higher fuel and insurance costs."),
    ("Bin collections move after bank holiday",
     "Household bin collections in Eastbrook will run a day late all next week because of the bank "
     "holiday on Monday, the council said. Garden waste collections are unaffected."),
    ("Kessholm school wins award for outdoor classroom",
     "Kessholm's island primary school has won a national award for its outdoor classroom, built by "
     "parents from driftwood and old fishing boats."),
    ("Water supply restored to Foundry Road homes",
     "Water has been restored to about 200 homes around Foundry Road after a burst pipe left them "
     "without supply for most of Wednesday. Bottled water was handed out at the community centre."),
    ("Eastbrook marathon route changed for bridge works",
     "This year's Eastbrook marathon will avoid the Teasel Bridge, which is closed for repairs. "
     "Runners will cross the river twice on the Millbank crossing instead."),
    ("Fire crews rescue horse from Reed Marsh ditch",
     "Firefighters used a lifting harness to free a horse that had become stuck in a drainage ditch on "
     "Reed Marsh on Sunday afternoon. The animal was checked by a vet and was unhurt."),
    ("New bakery brings 25 jobs to Larchfield estate",
     "A family bakery firm is moving into an empty unit on the Larchfield industrial estate, creating "
     "25 jobs. Production of bread for shops across the valley is due to start in June."),
    ("Harbourside Athletic appoint new manager",
     "Harbourside Athletic have named former defender Sean Mallory as their manager on a two-year "
     "contract. He replaces Graham Lowe, who left by mutual consent last week."),
    ("Northgate pharmacy robbed at knifepoint",
     "A man with a knife demanded cash from staff at a pharmacy on Northgate High Street on Tuesday "
     "evening and escaped with about £400. Nobody was hurt. Police are asking for witnesses."),
    ("Millbank market to stay open on Sundays",
     "Millbank's covered market will open on Sundays all year after a summer trial brought in more "
     "visitors, traders' association chair Bev Collins said."),
    ("Old Quay museum gets ship's figurehead on loan",
     "The Eastbrook Maritime Museum has been lent a carved figurehead from an 1860s cargo ship that "
     "was built in Old Quay. It will be on display from next week."),
    ("Eastbrook hospital car park charges scrapped for night staff",
     "Nurses and doctors working night shifts at Eastbrook General will no longer pay to park, the "
     "hospital trust said, after a campaign by staff."),
]  # fmt: skip

# Two different stories from one agency's feed that the old comparison held as one (issue 12):
# a short item each, the agency's boilerplate round it, headlines that share a few words only.
REGRESSIONS = {
    "headline-overlap-0.13": (
        ("Eastbrook council approves new cycle lanes on Quay Street",
         "Eastbrook councillors on Tuesday approved protected cycle lanes along Quay Street, to be built "
         "over the summer."),
        ("Police name cyclist hurt in Quay Street crash",
         "Police have named the cyclist seriously hurt in a collision with a van near the Ropewalk "
         "junction on Monday as Ellis Varga, 52, from Northgate."),
    ),
    "headline-overlap-0.30": (
        ("Eastbrook council approves budget for road repairs",
         "Eastbrook city council approved £6 million for pothole repairs across the city on Tuesday."),
        ("Eastbrook council approves 140 Millbank flats",
         "Plans for 140 flats on the old gasworks site in Millbank were approved by Eastbrook city "
         "council on Tuesday."),
    ),
}  # fmt: skip
