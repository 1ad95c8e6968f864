"""Demo stories for the Science & Environment, Culture and Sport sections.

Invented content for "The Eastbrook Ledger" demo newsroom; see the demo content spec.
"""

STORIES = [
    {
        "slug": "teasel-oyster-beds-show-first-signs-of-recovery",
        "headline": "Native oyster beds in the Teasel estuary show first signs of recovery",
        "dek": (
            "Divers counted young oysters on three of the five reefs seeded in 2023, a survey published on "
            "Wednesday found."
        ),
        "section": "science",
        "authors": ["priya-natarajan"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["teasel estuary", "wildlife", "water quality", "research"],
        "minutes_ago": 48,
        "updated_minutes_ago": 20,
        "excerpt": "",
        "image": {
            "alt": "Illustration of a calm estuary at low tide with stylised reef mounds and gentle waves",
            "caption": (
                "The reef trial covers about four hectares of the lower Teasel, downstream of Old Quay."
            ),
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Young native oysters have settled naturally on three of the five artificial reefs laid in "
                "the lower Teasel estuary, the first evidence that the shellfish could be breeding in the "
                "river again after an absence of more than 60 years."
            ),
            (
                "Divers from the Eastbrook University marine station counted an average of 41 juvenile "
                "oysters per square metre on the best-performing reef near Old Quay, according to the survey "
                "results. The two reefs closest to the harbour mouth showed almost none."
            ),
            (
                '"We were braced for a blank," said Dr. Ayo Fenwick, who leads the reef project. "Finding '
                "spat that we did not put there ourselves means adults in the reef are spawning and their "
                'larvae are staying local. That is the whole point."'
            ),
            (
                "[image] Illustration of a diver's gloved hand holding a small clump of young oysters above "
                "a reef | A sample taken from the Old Quay reef in September contained dozens of juvenile "
                "oysters."
            ),
            (
                "The project, funded jointly by the Teasel Catchment Trust and the city's harbour authority, "
                "placed about 180 tonnes of recycled shell and limestone on the riverbed in 2023 and seeded "
                "it with hatchery-reared oysters. Oysters filter water as they feed, and the trust hopes "
                "healthy reefs will help clear sediment from the estuary."
            ),
            (
                "Fenwick cautioned that one good season did not make a population. Winter storms and a "
                "parasite that has hit oyster beds elsewhere on the coast could still set the reefs back, "
                "and the team will repeat the survey in spring. The full report is available on the <a "
                'href="https://teasel-trust.example/reports/oyster-reefs-2026">trust\'s website</a>.'
            ),
        ],
    },
    {
        "slug": "university-wins-funding-for-teasel-flood-model",
        "headline": "Eastbrook University wins funding to build a street-level flood model of the city",
        "dek": (
            "The three-year project will combine tide gauges, drain sensors and rainfall radar to predict "
            "flooding block by block."
        ),
        "section": "science",
        "authors": ["priya-natarajan", "samuel-osei"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["climate", "flooding", "research", "education"],
        "minutes_ago": 3400,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": "Illustration of a city skyline beside a river with layered blue waves in the foreground",
            "caption": (
                "Millbank and Old Quay, the districts most exposed to tidal flooding, will be modelled first."
            ),
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Researchers at Eastbrook University have been awarded $2.4 million to build a computer "
                "model that can forecast flooding in the city down to individual streets, an upgrade on the "
                "district-wide warnings residents receive today."
            ),
            (
                "The model will draw on 60 new sensors to be fitted inside storm drains in Millbank, Old "
                "Quay and Northgate, along with the harbour authority's tide gauges and rainfall radar from "
                "the regional weather service. The grant comes from the National Research Council's climate "
                "adaptation programme."
            ),
            (
                "Professor Helena Marchetti, the hydrologist leading the work, said the city's existing "
                'warnings were accurate but blunt. "At the moment, a flood alert covers 20,000 people when '
                'perhaps 400 of them are actually at risk," she said. "People learn to ignore warnings that '
                'do not apply to them. We want to be specific enough that a warning means something."'
            ),
            (
                "An analysis by The Eastbrook Ledger of council records shows 312 properties reported flood "
                "damage between 2019 and 2025, more than half of them in a strip of Millbank no wider than "
                "three streets. Drains there back up when a high tide coincides with heavy rain, because "
                "water has nowhere to go."
            ),
            '> "We want to be specific enough that a warning means something." — Professor Helena Marchetti',
            (
                "The city council has agreed to share its drainage maps, some of which date from the 1930s "
                "and have never been digitised. Graduate students will spend much of the first year scanning "
                "and checking them."
            ),
            (
                "Councillor Tessa Brandt, who chairs the council's environment committee, said the model "
                'could eventually guide where the city spends its flood defence budget. "Right now we are '
                'making decisions on decades-old assumptions," she said.'
            ),
            "The team expects to publish a test version covering Millbank by late 2027.",
        ],
    },
    {
        "slug": "autumn-warmest-on-record-weather-service-says",
        "headline": "Autumn was the warmest on record across the region, weather service says",
        "dek": "",
        "section": "science",
        "authors": [],
        "byline": "Lena Marsh, Northwind Wire",
        "agency": "nwa",
        "original": None,
        "tags": ["climate", "research"],
        "minutes_ago": 610,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": "Illustration of a warm orange sky over rolling hills with a low sun",
            "caption": (
                "Average temperatures were 1.9 degrees above the long-term norm for September to November."
            ),
            "credit": "Northwind Wire",
        },
        "body": [
            (
                "The three months to the end of November were the warmest autumn since regional records "
                "began in 1884, the Regional Weather Service said on Wednesday, with average temperatures "
                "1.9 degrees Celsius above the 1961-1990 baseline."
            ),
            (
                "October alone broke its own record by half a degree, and the first frost in several inland "
                "stations came more than three weeks later than the long-term average. Rainfall was close to "
                "normal overall but fell in fewer, heavier bursts."
            ),
            (
                '"Each individual record can be argued about, but the pattern is not ambiguous," said Dr. '
                "Marit Ekholm, the service's chief climatologist. \"Eight of the ten warmest autumns we have "
                'measured have come in the past 15 years."'
            ),
            (
                "The service said it would publish a full seasonal summary, including station-by-station "
                "data, in mid-December."
            ),
        ],
    },
    {
        "slug": "larchfield-observatory-opens-for-meteor-shower",
        "headline": "Larchfield Observatory to open its dome to the public for the winter meteor shower",
        "dek": "Volunteers will run free sessions on two nights, weather permitting.",
        "section": "science",
        "authors": ["priya-natarajan"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["research", "education"],
        "minutes_ago": 5800,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "Illustration of a small domed observatory on a hill under a dark blue sky with streaks of "
                "light"
            ),
            "caption": "The observatory's 1912 refractor telescope was restored last year.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "The Larchfield Observatory will open to the public on the evenings of Dec. 13 and 14 for "
                "the peak of the annual winter meteor shower, the volunteer society that runs the building "
                "said."
            ),
            (
                "Visitors will be able to look through the restored 1912 refractor and join talks on the "
                "hour from 7 p.m. The society expects up to 60 meteors an hour under clear skies, though the "
                "glow from the city will hide the fainter ones."
            ),
            (
                "Entry is free, but places inside the dome are limited to 25 at a time. Booking details are "
                'on the <a href="https://larchfield-astro.example/events">society\'s events page</a>.'
            ),
        ],
    },
    {
        "slug": "the-quiet-work-of-counting-river-eels",
        "headline": "The quiet work of counting eels: a night on the Teasel with the river's volunteers",
        "dek": (
            "For 14 years, a small group has checked traps at the Holloway Cross weir before dawn. Their "
            "numbers tell a story nobody else is recording."
        ),
        "section": "science",
        "authors": ["priya-natarajan", "rosa-lindqvist"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["wildlife", "teasel estuary", "research", "climate"],
        "minutes_ago": 21000,
        "updated_minutes_ago": None,
        "excerpt": (
            "A weekly tally kept by volunteers has become the best record of a fish that scientists say is "
            "in serious trouble."
        ),
        "image": {
            "alt": "Illustration of a weir at night with a lantern glow reflected in dark rippling water",
            "caption": "The Holloway Cross weir, where eels collect before climbing the fish pass.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "At 4:40 a.m., the only light at the Holloway Cross weir comes from Gwen Archer's head "
                "torch. She kneels on the wet concrete, lifts a plastic trap from the fish pass and tips its "
                "contents into a white tray: 11 young eels, each no longer than a pencil, twisting over one "
                "another."
            ),
            '"Eleven," she says, and writes it down. "That\'s a decent night for November."',
            (
                "Archer, a retired maths teacher, is one of nine volunteers who have checked the traps here "
                "every week since 2012. They count the glass eels and elvers that swim up the Teasel from "
                "the sea each year, measure a sample, and release them above the weir. The records go to the "
                "Teasel Catchment Trust and, since 2019, to a national database run by the Freshwater "
                "Science Institute."
            ),
            (
                "Eels are a strange fish to care about. They are born far out at sea, drift to the coast as "
                "tiny transparent larvae and spend up to 20 years in rivers before swimming back to spawn "
                "and die. Across the region their numbers have fallen by more than 90 percent since the "
                "1980s, according to the institute."
            ),
            (
                "The reasons are many: weirs and sluices that block their way upstream, pumping stations "
                "that kill them on the way down, pollution, disease, and changes in ocean currents that "
                "scientists are still trying to understand."
            ),
            (
                '"What makes this group valuable is that they have not missed a week," said Dr. Imran '
                'Qureshi, a fisheries ecologist at the institute. "Long, boring, consistent records are '
                "exactly what is rarest in ecology. A grant lasts three years. These people have been doing "
                'it for fourteen."'
            ),
            (
                "The Holloway Cross data show a pattern that worries Qureshi. Counts rose from 2014 to 2019, "
                "which the volunteers credited to a new eel pass fitted at the weir. Since then they have "
                "fallen in four years out of six, and the fish are arriving about nine days later on average "
                "than a decade ago."
            ),
            '> "Long, boring, consistent records are exactly what is rarest in ecology." — Dr. Imran Qureshi',
            (
                "Nobody yet knows why the timing is shifting. Warmer water in the estuary is one candidate. "
                "Another is the dredging of the harbour channel, which changes how the tide carries young "
                "eels inland. The harbour authority says its own studies found no effect."
            ),
            (
                'Archer is careful not to speculate. "We count," she says. "Other people can argue about '
                'what it means." But she admits the nights with empty traps have become harder. In April '
                "2024 the group recorded zero eels for three consecutive weeks, a first in its history."
            ),
            (
                "The group is looking for new members, particularly younger ones; the average age of its "
                "volunteers is 67. Training takes a single morning, and the trust lends out waders. Details "
                'are on the <a href="https://teasel-trust.example/volunteer/eels">trust\'s volunteering '
                "page</a>."
            ),
            (
                "By 5:30 the last trap is checked, the tray rinsed, the numbers entered into a battered "
                "phone. The night's total is 38. Archer packs her torch away as the first gulls start up "
                'over the water. "Same time next week," she says.'
            ),
        ],
    },
    {
        "slug": "battery-recycling-plant-wins-regional-approval",
        "headline": "Battery recycling plant near Brinmoor wins approval despite dust concerns",
        "dek": "Planners attached 23 conditions, including continuous air monitoring at the site boundary.",
        "section": "science",
        "authors": [],
        "byline": "Piet Vandermolen, Continental Press Service",
        "agency": "cps",
        "original": None,
        "tags": ["energy", "air quality", "jobs"],
        "minutes_ago": 9200,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": "Illustration of low industrial buildings on a plain under a pale green and grey sky",
            "caption": "The plant would be built on a former brickworks site east of Brinmoor.",
            "credit": "Continental Press Service",
        },
        "body": [
            (
                "A plant to recover lithium, nickel and cobalt from used electric-vehicle batteries can be "
                "built on a former brickworks east of Brinmoor, the regional planning board ruled on "
                "Thursday, rejecting objections from residents who feared dust and fire risks."
            ),
            (
                "The developer, Cellcycle Materials, says the facility will process up to 20,000 tonnes of "
                "batteries a year and employ about 140 people when it opens in 2028. It would be the largest "
                "plant of its kind in the region."
            ),
            (
                "The board attached 23 conditions to its approval, among them continuous air-quality "
                "monitoring at the site boundary with results published online, a ban on outdoor storage of "
                'damaged batteries and a dedicated fire-water tank. "The applicant has shown the risks can '
                'be managed, and we intend to hold them to it," board chair Agnes Ruud said.'
            ),
            (
                "Residents' group Brinmoor Clean Air said it was considering a legal challenge. \"Nobody is "
                'against recycling," said its spokesperson, Declan Morrow. "We are against putting it 400 '
                'metres from a primary school."'
            ),
            (
                "Cellcycle said the nearest school was 650 metres away and that its process used wet "
                "chemistry that produced far less dust than older shredding methods."
            ),
        ],
    },
    {
        "slug": "seagrass-replanting-saltmarsh-green",
        "headline": "Volunteers plant 40,000 seagrass seeds off Saltmarsh Green in a bid to restore meadows",
        "dek": (
            "The meadows, which shelter young fish and store carbon, have shrunk by two-thirds since the "
            "1950s."
        ),
        "section": "science",
        "authors": [],
        "byline": "Oren Whitcombe, The Coastline Review",
        "agency": None,
        "original": (
            "The Coastline Review",
            "https://coastline-review.example/2026/10/saltmarsh-green-seagrass-seeds",
        ),
        "tags": ["wildlife", "climate", "teasel estuary"],
        "minutes_ago": 14500,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": "Illustration of a shallow turquoise bay with soft wave lines and a pale sandy shore",
            "caption": "The planting site lies just inside the mouth of the Teasel estuary.",
            "credit": "Oren Whitcombe/The Coastline Review",
        },
        "body": [
            (
                "More than 60 volunteers waded into the shallows off Saltmarsh Green at low tide on Saturday "
                "to plant about 40,000 seagrass seeds, the largest single planting yet in a five-year effort "
                "to bring back the underwater meadows that once lined the mouth of the Teasel."
            ),
            (
                "The seeds, collected by hand from a surviving meadow further along the coast over the "
                "summer, were packed into small hessian bags filled with sediment and pressed into the "
                "seabed in a grid marked out with bamboo canes."
            ),
            (
                '"It is slow, muddy work, and most seeds will not make it," said Kirsten Abara, a project '
                'officer with the Coastal Habitats Partnership. "If one in ten becomes a plant, we will be '
                'delighted."'
            ),
            (
                "Seagrass shelters young fish and seahorses, calms waves and locks carbon into the seabed. "
                "Surveys from the 1950s show meadows covering about 90 hectares around the estuary mouth; "
                "today about 30 remain, damaged by boat moorings, past pollution and disease."
            ),
            (
                "The partnership has also persuaded the Saltmarsh Green Sailing Club to replace 18 "
                "traditional moorings, whose chains scour the seabed, with floating designs. Monitoring "
                "dives will take place in spring."
            ),
        ],
    },
    {
        "slug": "millbank-air-sensors-show-school-run-spikes",
        "headline": "Air sensors show pollution spikes outside Millbank schools during the morning run",
        "dek": (
            "Nitrogen dioxide levels at two school gates roughly double between 8 a.m. and 9 a.m., a Ledger "
            "analysis of council data found."
        ),
        "section": "science",
        "authors": ["samuel-osei"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["air quality", "health", "transport", "education"],
        "minutes_ago": 160,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": "Illustration of a row of terraced houses beside a road with soft haze in a peach sky",
            "caption": (
                "Canal Street, where one of the council's 14 roadside sensors is mounted on a lamppost."
            ),
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Levels of nitrogen dioxide outside two primary schools in Millbank roughly double during "
                "the morning school run, according to an analysis by The Eastbrook Ledger of data from the "
                "city's new network of roadside air sensors."
            ),
            (
                "The council installed 14 low-cost sensors in March and publishes their readings every 15 "
                'minutes on its <a href="https://eastbrook-council.example/air">open data portal</a>. The '
                "Ledger examined about 230,000 readings taken between April and October."
            ),
            (
                "At the sensor outside Canal Street Primary, average nitrogen dioxide levels between 8 a.m. "
                "and 9 a.m. on school days were 48 micrograms per cubic metre, compared with 23 at the same "
                "hour during school holidays. A similar pattern appeared outside St. Brigid's Primary on "
                "Weaver Lane."
            ),
            (
                "Elsewhere in the city, the morning peak was much smaller. Sensors in Larchfield and "
                "Northgate showed increases of 15 to 25 percent."
            ),
            (
                "The low-cost sensors are less precise than the council's two reference monitoring stations, "
                "and readings can drift. The Ledger compared the Canal Street sensor with the reference "
                "station 300 metres away on days both were working and found they agreed within about 12 "
                "percent. Our full method and the code used are published <a "
                'href="https://ledger-data.example/millbank-air">on our data page</a>.'
            ),
            (
                "Farah Dutta, head teacher at Canal Street Primary, said the figures confirmed what parents "
                'had suspected. "You can smell it at the gate," she said. The school has asked the council '
                "to close the street to through traffic for 45 minutes at the start and end of the day."
            ),
            (
                "A council spokesperson said a trial of so-called school streets would begin at three sites "
                'in January and that Canal Street was "under active consideration".'
            ),
        ],
    },
    {
        "slug": "heat-pump-trial-northgate-homes-results",
        "headline": "Heat pump trial in 120 Northgate homes cut bills for most households, report finds",
        "dek": (
            "Tenants in older flats saw smaller savings, and a quarter said their homes felt colder in the "
            "first winter."
        ),
        "section": "science",
        "authors": ["priya-natarajan"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["energy", "climate", "housing"],
        "minutes_ago": 27000,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "Illustration of a block of low-rise flats with small boxes on the walls under a cool blue "
                "sky"
            ),
            "caption": (
                "The trial fitted air-source heat pumps to council-owned flats on the Ferncroft estate."
            ),
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Replacing gas boilers with heat pumps in 120 council homes in Northgate lowered heating "
                "bills for about three-quarters of the households involved, but left some tenants in the "
                "oldest flats cold and out of pocket, an independent evaluation published Monday found."
            ),
            (
                "The two-year trial on the Ferncroft estate was run by the city council with Eastbrook "
                "University's energy research group. Median savings were $182 a year per household, "
                "researchers found, though the figure ranged from a saving of $510 to an increase of $140."
            ),
            (
                "The difference came down largely to insulation. Flats that had received new windows and "
                "loft insulation before the switch did well; those in the 1960s blocks on Ferncroft Road, "
                "which had not, struggled to stay warm on the coldest days."
            ),
            (
                '"The lesson is the boring one: fabric first," said Dr. Lucia Okonjo, the study\'s lead '
                'author. "A heat pump in a leaky flat is an expensive way to heat the street."'
            ),
            (
                "Tenant Marek Hollis, 71, said his flat had been comfortable after the council returned to "
                'add insulation in the second year. "The first winter I wore my coat indoors," he said. '
                '"This year, no complaints."'
            ),
            (
                "The council said it would insulate all remaining Ferncroft blocks before extending the "
                "programme to 900 more homes from 2027."
            ),
        ],
    },
    {
        "slug": "harbour-dredging-sediment-tests-clear",
        "headline": "Tests on harbour dredging spoil find metal levels within safe limits",
        "dek": "",
        "section": "science",
        "authors": [],
        "byline": "Colm Ashby, Harbour News Agency",
        "agency": "hna",
        "original": None,
        "tags": ["harbour", "water quality"],
        "minutes_ago": 1590,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": "Illustration of a dredging barge on calm grey-blue water with cranes on the horizon",
            "caption": "Dredging of the main channel is due to resume in January.",
            "credit": "Harbour News Agency",
        },
        "body": [
            (
                "Samples of sediment dredged from Eastbrook's main shipping channel contain lead, copper and "
                "zinc at levels below national disposal limits, the harbour authority said Tuesday, clearing "
                "the way for the spoil to be dumped at its licensed offshore site."
            ),
            (
                "Independent laboratory tests on 46 samples found one borderline result for copper near the "
                "old Northgate boatyard, which the authority said would be retested. Environmental groups "
                "had asked for the results to be made public before dredging resumed."
            ),
            (
                "The authority has published the full results on its <a "
                'href="https://eastbrook-harbour.example/dredging">website</a>.'
            ),
        ],
    },
    {
        "slug": "school-weather-stations-network-launches",
        "headline": "Pupils at 30 schools will run their own weather stations under a new citywide project",
        "dek": "",
        "section": "science",
        "authors": ["priya-natarajan"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["education", "climate", "research"],
        "minutes_ago": 33000,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "Illustration of a small white weather station on a pole against a bright sky with light "
                "clouds"
            ),
            "caption": (
                "Each station records temperature, rainfall, humidity and wind speed every five minutes."
            ),
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Thirty Eastbrook schools will install weather stations on their grounds this winter, "
                "creating a network that organisers say will give the city its most detailed picture yet of "
                "how temperatures vary from one neighbourhood to the next."
            ),
            (
                "The stations, costing about $450 each, are being paid for by the Eastbrook Education Trust "
                "and a grant from the university's outreach fund. Pupils will maintain the instruments and "
                "use the data in maths and geography lessons."
            ),
            (
                '"On a hot day, the difference between a leafy street in Larchfield and a car park in Old '
                'Quay can be four or five degrees," said Nadia Ferreira, a climate scientist at the '
                'university who designed the project. "We know that in general. We do not have the numbers '
                'street by street, and the children are going to collect them."'
            ),
            (
                "Readings will be published live on a shared map. The first stations go up at Northgate "
                "Academy and Millbank Primary in January."
            ),
            (
                "Teachers at participating schools will receive two days of training, and the university has "
                "promised to repair any instrument damaged in the first year."
            ),
        ],
    },
    {
        "slug": "tidal-barrier-study-recommends-teasel-gates",
        "headline": "Study recommends movable tidal gates across the Teasel to protect the city centre",
        "dek": (
            "Engineers say a barrier near Old Quay would be cheaper than raising walls along eight "
            "kilometres of riverbank."
        ),
        "section": "science",
        "authors": ["priya-natarajan"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["climate", "flooding", "city council", "budget"],
        "minutes_ago": 1_250_000,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": "Illustration of a wide river with tall gate structures spanning it under a stormy sky",
            "caption": (
                "The preferred location for the barrier is just downstream of the Old Quay swing bridge."
            ),
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "A set of movable steel gates across the Teasel just below Old Quay would be the most "
                "cost-effective way to protect central Eastbrook from tidal flooding for the rest of the "
                "century, according to an engineering study commissioned by the city council."
            ),
            (
                "The report, prepared by consultants Hartwell Ames, compared three options: raising flood "
                "walls along eight kilometres of riverbank, building a fixed barrage with locks, and "
                "installing gates that would lie open on the riverbed and rise only during surge tides."
            ),
            (
                "The gates were estimated to cost $310 million over 30 years including maintenance, against "
                "$420 million for higher walls. The barrage option was ruled out because it would change the "
                "salinity of the upper estuary and harm wildlife."
            ),
            (
                '"Walls work, but every time sea levels rise you have to come back and build them higher," '
                "said Roland Achterberg, the report's lead engineer. \"A barrier can be operated more often "
                'as conditions change."'
            ),
            (
                "The council said it would hold a public consultation before deciding whether to seek "
                "national funding. Business owners in Old Quay have warned that years of construction could "
                "disrupt trade along the waterfront."
            ),
            (
                "Any barrier would need approval from the harbour authority, which said shipping access to "
                "the upper quays must be maintained at all states of the tide."
            ),
        ],
    },
    {
        "slug": "hospital-sleep-study-seeks-shift-workers",
        "headline": "Eastbrook hospital researchers seek 300 night-shift workers for a sleep study",
        "dek": (
            "Participants will wear a wrist monitor for four weeks while researchers test whether timed "
            "light exposure helps."
        ),
        "section": "science",
        "authors": ["priya-natarajan"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["health", "research", "jobs"],
        "minutes_ago": 41000,
        "updated_minutes_ago": None,
        "excerpt": "Port workers, nurses and bakers are among the groups the team hopes to recruit.",
        "image": {
            "alt": "Illustration of a hospital building at dusk with lit windows and a crescent moon",
            "caption": "The study is based at Eastbrook General Hospital's sleep unit.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Researchers at Eastbrook General Hospital are recruiting 300 people who regularly work "
                "night shifts for a study testing whether carefully timed exposure to bright light can "
                "improve their sleep and mood."
            ),
            (
                "Volunteers will wear a wrist monitor for four weeks and keep a short daily diary. Half will "
                "be given a desk lamp that delivers strong light at set times during their shift and glasses "
                "that filter blue light on the way home."
            ),
            (
                '"Night workers keep this city running, and their health consistently comes off worse," said '
                "Dr. Esther Lindahl, the consultant who leads the hospital's sleep unit. \"We want to test "
                'something cheap and practical, not just tell people to sleep more."'
            ),
            (
                "Anyone aged 18 to 65 who works at least eight night shifts a month can apply through the <a "
                'href="https://eastbrook-general.example/research/night-light">hospital\'s research '
                "page</a>. Participants receive $150 on completion."
            ),
        ],
    },
    {
        "slug": "wild-bee-survey-finds-fewer-species",
        "headline": "Five-year wild bee survey records fewer species in farmland than in towns",
        "dek": "",
        "section": "science",
        "authors": [],
        "byline": "Lena Marsh, Northwind Wire",
        "agency": "nwa",
        "original": None,
        "tags": ["wildlife", "research"],
        "minutes_ago": 47000,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "Illustration of meadow hills in soft yellow and green with small round shapes suggesting "
                "flowers"
            ),
            "caption": "Volunteers recorded bees along 400 fixed walking routes.",
            "credit": "Northwind Wire",
        },
        "body": [
            (
                "Gardens and parks now support a wider variety of wild bees than much of the surrounding "
                "farmland, according to a five-year survey by volunteer recorders published Thursday by the "
                "Regional Pollinator Network."
            ),
            (
                "Recorders walking 400 fixed routes each month logged an average of 19 bee species per urban "
                "route and 13 per arable route. Routes through farmland with flower-rich field margins did "
                "almost as well as towns."
            ),
            (
                '"Towns are not wildlife paradises, but they have flowers from March to October," said the '
                'network\'s coordinator, Sigrid Hallberg. "A wheat field has flowers for about a fortnight."'
            ),
            (
                "The network said the findings supported paying farmers to sow and keep wildflower strips, a "
                "scheme that currently covers about 6 percent of eligible land."
            ),
        ],
    },
    {
        "slug": "old-quay-playhouse-reopens-after-restoration",
        "headline": "Old Quay Playhouse reopens after a four-year, $18 million restoration",
        "dek": (
            "The 1891 theatre has a new fly tower, step-free access and, for the first time in decades, its "
            "original painted ceiling on show."
        ),
        "section": "culture",
        "authors": ["felix-amadi", "rosa-lindqvist"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["theatre", "heritage", "city council"],
        "minutes_ago": 95,
        "updated_minutes_ago": 40,
        "excerpt": "",
        "image": {
            "alt": (
                "Illustration of a theatre stage framed by deep red curtains with warm spotlights on an "
                "empty floor"
            ),
            "caption": "The restored auditorium seats 640, about 80 fewer than before, to allow wider rows.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "The Old Quay Playhouse opened its doors to the public on Wednesday evening for the first "
                "time since 2022, ending a restoration that ran a year late and about $3 million over budget "
                "but that theatregoers at the first performance greeted with a standing ovation before a "
                "line had been spoken."
            ),
            (
                "The Victorian theatre, built in 1891 for the dockworkers and merchants of the old port, "
                "closed after engineers found rot in the roof timbers and the stage machinery was declared "
                "unsafe. Its future was in doubt until the city council and the Playhouse Trust agreed a "
                "funding deal in 2021."
            ),
            (
                "The most striking change is overhead. Workers removing a suspended ceiling installed in the "
                "1960s found the original painted dome beneath it, largely intact: a sky of pale blue and "
                "gold with figures representing the four seasons. Conservators spent 14 months cleaning and "
                "stabilising it."
            ),
            (
                "[image] Illustration of an ornate theatre dome in pale blue and gold seen from below | The "
                "painted ceiling had been hidden behind acoustic tiles since 1964."
            ),
            (
                '"Every one of us on the scaffold had a moment where we just stopped and looked up," said '
                'Beatrix Holm, the lead conservator. "Someone painted this by candlelight, lying on their '
                'back. It deserved to be seen again."'
            ),
            (
                "Less visible but more important to the theatre's future is the new fly tower, which lets "
                "touring productions hang scenery that previously could not fit. Artistic director Kwame "
                "Osterberg said that would let the Playhouse host larger shows and mid-scale opera for the "
                "first time."
            ),
            (
                "Access has also been transformed. A lift now serves all three levels, and the number of "
                "wheelchair spaces has risen from two to twelve. The bars and foyer have been extended into "
                "a former ship chandlery next door."
            ),
            (
                '> "Someone painted this by candlelight, lying on their back. It deserved to be seen again." '
                "— Beatrix Holm, conservator"
            ),
            (
                "The overrun has drawn criticism from some councillors. Councillor Gareth Ince, who sits on "
                'the finance committee, said the city had been "generous to a fault" and asked for an '
                "independent review of the project's management. The trust said most of the extra cost arose "
                "from the ceiling discovery and from structural problems found once the roof was opened."
            ),
            (
                "The opening season begins with a new production of <em>The Harbourmaster's Daughter</em>, a "
                "comedy by the Eastbrook playwright Clara Vennick, and runs until April. Tickets start at "
                "$12, with 50 seats at every performance held back for under-25s at $5."
            ),
        ],
    },
    {
        "slug": "review-the-lamplighters-wife",
        "headline": "Review: 'The Lamplighter's Wife' is a slow burn that rewards patience",
        "dek": "Riverside Theatre Company's two-hander finds real tenderness in a marriage under strain.",
        "section": "culture",
        "authors": ["felix-amadi"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["theatre", "reviews"],
        "minutes_ago": 2480,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": "Illustration of a dim stage with a single warm lamp glowing against dark blue drapes",
            "caption": "The production is staged in the round in the Larchfield Arts Centre studio.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "For its first 20 minutes, <em>The Lamplighter's Wife</em> seems determined to test its "
                "audience. A couple in their sixties sit at a kitchen table in a lighthouse keeper's cottage "
                "and talk about the weather, the price of paraffin and a neighbour's dog. Stay with it."
            ),
            (
                "Writer Orla Denholm's two-hander, in a new production by the Riverside Theatre Company at "
                "the Larchfield Arts Centre, is about a marriage approaching the end of its working life in "
                "the same way the lighthouse is: the automation letter has arrived, and neither of them can "
                "bring themselves to open it."
            ),
            (
                "Jude Amari and Petra Lund are superb as Walter and Elsie, conveying four decades of shared "
                "habit with the smallest of gestures. When Elsie finally reads the letter aloud, in a single "
                "unbroken take under one lamp, the silence in the studio was total."
            ),
            (
                "Director Sunniva Kade keeps things spare. The set is a table, two chairs and a window "
                "frame; the lighting, by Ade Morland, does most of the storytelling as the evenings draw in."
            ),
            (
                "The second half sags slightly when a visiting inspector arrives to deliver exposition the "
                "play did not need. But the ending, quiet and unexpected, lands with real force."
            ),
            (
                "<em>The Lamplighter's Wife</em> runs until Dec. 6. Tickets are available from the <a "
                'href="https://larchfield-arts.example/whats-on">arts centre</a>.'
            ),
        ],
    },
    {
        "slug": "millbank-music-hall-winter-programme",
        "headline": "Millbank Music Hall announces a winter programme with more local acts than ever",
        "dek": "Half of the 48 concerts will feature performers from Eastbrook and the surrounding towns.",
        "section": "culture",
        "authors": ["felix-amadi"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["music", "festivals"],
        "minutes_ago": 7400,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "Illustration of a concert hall stage with arched lighting rigs and purple and amber light"
            ),
            "caption": "The hall has run a pay-what-you-can scheme for Sunday matinees since 2024.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "The Millbank Music Hall will stage 48 concerts between December and March, and half will "
                "feature musicians from Eastbrook and the surrounding towns, the venue said in announcing "
                "its winter season."
            ),
            (
                "Highlights include a three-night residency by the Holloway Cross brass band the Foundry "
                "Twelve, the first hometown concert in six years by the singer-songwriter Ilse Marrow, and a "
                "folk series curated by musicians from the Brinmoor festival."
            ),
            (
                '"We used to fill the local slots with whoever was free," said programmer Theo Bassani. "Now '
                'they are the centrepiece. Audiences have told us they want to hear their neighbours."'
            ),
            (
                "Sunday matinees will continue on a pay-what-you-can basis. The full listing is on the "
                'hall\'s <a href="https://millbank-musichall.example/winter">website</a>.'
            ),
        ],
    },
    {
        "slug": "the-last-letterpress-on-foundry-lane",
        "headline": "The last letterpress on Foundry Lane, and the printer who refuses to stop",
        "dek": (
            "Edith Karlsson has set type by hand in the same Old Quay workshop for 51 years. Now younger "
            "printers are queuing to learn from her."
        ),
        "section": "culture",
        "authors": ["rosa-lindqvist"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["heritage", "books"],
        "minutes_ago": 18000,
        "updated_minutes_ago": None,
        "excerpt": (
            "Her workshop holds 300 cases of metal type, three presses and a kettle that has not been "
            "descaled since the 1990s."
        ),
        "image": {
            "alt": (
                "Illustration of a small workshop interior with tall shelves and a large iron press in warm "
                "brown tones"
            ),
            "caption": "Karlsson's workshop on Foundry Lane, Old Quay, where she has worked since 1975.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "The first thing you notice inside Karlsson and Daughter, Printers, is the smell: ink, "
                "machine oil, old paper and a faint sweetness that Edith Karlsson says is the linseed in the "
                "varnish. The second thing is the sound. Her 1920s platen press thumps like a slow heartbeat."
            ),
            (
                "Karlsson, 78, has worked in this narrow building on Foundry Lane since 1975, when she "
                "joined her father's business as an apprentice. Foundry Lane then had five print shops "
                "serving the shipping offices and chandlers of Old Quay. By 1990 there were two. Since 2011, "
                "there has been only hers."
            ),
            (
                '"People assume I kept going out of stubbornness," she says, picking individual letters from '
                'a wooden case with tweezers, without looking. "Partly. But also the work never quite ran '
                "out. There was always someone who wanted a proper wedding invitation or a menu that felt "
                'like something."'
            ),
            (
                "[image] Illustration of rows of small wooden drawers filled with metal letters under a warm "
                "lamp | Karlsson owns about 300 cases of metal and wooden type, some cast in the 1880s."
            ),
            (
                "What has changed, she says, is who comes through the door. Over the past five years, a "
                "stream of younger designers, artists and students has arrived asking to learn. Letterpress "
                "has become fashionable again, prized for the slight bite of the type into thick paper that "
                "no digital printer reproduces."
            ),
            (
                "Karlsson now runs weekend courses for six people at a time. They are booked until next "
                "autumn. One former student, Yusuf Delaney, 29, has set up his own small press in a "
                'Northgate garage and credits her with teaching him "everything that matters and a lot of '
                'things that do not, like how to swear at a roller".'
            ),
            (
                '> "There was always someone who wanted a proper wedding invitation or a menu that felt like '
                'something." — Edith Karlsson'
            ),
            (
                "The business was never large. At its peak, in the early 1980s, it employed four people. "
                "Today it is Karlsson and, on Thursdays, her nephew Anders, who handles the accounts and the "
                "website she refuses to look at."
            ),
            (
                "The building is the bigger question. Karlsson rents it from a property company that has "
                "already converted two neighbouring warehouses into flats. Her lease runs until 2029. She "
                "does not know what will happen then."
            ),
            (
                "The Old Quay Heritage Society has asked the city council to list the workshop's interior, "
                "which would protect the presses and fittings in place. A decision is expected next year. "
                'Planning officer Ruth Abernathy said the request was "unusual but not without merit".'
            ),
            (
                'Karlsson is unsentimental about it. "If they want it for flats, they will get it for '
                'flats," she says. "The presses can move. They weigh a tonne and a half each, but they can '
                'move."'
            ),
            (
                "What she hopes is that someone will take over. Two of her former students have expressed "
                "interest, and she has begun, slowly, to let them run the shop on the days she does not come "
                "in."
            ),
            (
                '"I was my father\'s apprentice," she says. "It would be nice to end the same way it '
                "started: with someone else's hands on the press, and me telling them they are doing it "
                'wrong."'
            ),
        ],
    },
    {
        "slug": "national-book-prize-shortlist-announced",
        "headline": "Debut novel about a lighthouse community leads national book prize shortlist",
        "dek": "",
        "section": "culture",
        "authors": [],
        "byline": "Marguerite Doyle, Continental Press Service",
        "agency": "cps",
        "original": None,
        "tags": ["books", "awards"],
        "minutes_ago": 300,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": "Illustration of stacked books in muted colours against a soft gradient background",
            "caption": "The winner will be announced in February.",
            "credit": "Continental Press Service",
        },
        "body": [
            (
                "A debut novel set among the keepers of a remote lighthouse has been named on the six-title "
                "shortlist for the National Fiction Prize, the award's organisers said Wednesday."
            ),
            (
                "<em>The Long Watch</em> by Hanne Sørby, a former ferry engineer, is joined by two novels "
                "from previous winners and, for the first time, a book translated from another language, "
                "<em>Salt Roads</em> by Emre Kalay."
            ),
            (
                'Judging panel chair Ottilie Brask said the list reflected "a year in which writers looked '
                'hard at work, isolation and the places where people are left to fend for themselves".'
            ),
            (
                "The winner, to be announced in February, receives $50,000. Each shortlisted author receives "
                "$5,000."
            ),
        ],
    },
    {
        "slug": "brinmoor-folk-festival-returns",
        "headline": "Brinmoor folk festival will return next summer after a two-year break",
        "dek": "Organisers say a smaller site and a cap of 3,000 tickets will keep the event affordable.",
        "section": "culture",
        "authors": [],
        "byline": "Jo Pell, Valley Gazette",
        "agency": None,
        "original": (
            "Valley Gazette",
            "https://valleygazette.example/2026/10/brinmoor-folk-festival-returns",
        ),
        "tags": ["music", "festivals"],
        "minutes_ago": 24000,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "Illustration of a small festival tent on a green hillside at sunset with strings of lights"
            ),
            "caption": "The festival will move from the showground to Brinmoor's Mill Meadow.",
            "credit": "Jo Pell/Valley Gazette",
        },
        "body": [
            (
                "The Brinmoor Folk Festival, which was cancelled in 2025 and 2026 after losing money, will "
                "return next August on a smaller site with tickets capped at 3,000, its new organisers said."
            ),
            (
                "The festival will move from the county showground to Mill Meadow, on the edge of the "
                "village, and run over two days instead of three. A weekend ticket will cost $85, down from "
                "$140 at the last event in 2024."
            ),
            (
                '"We got too big and too expensive, and we lost what made it special," said Morwenna Tait, '
                'who chairs the volunteer committee that took over the festival last year. "This is a reset."'
            ),
            (
                "Organisers have secured sponsorship from a local brewery and a grant from the regional arts "
                "fund. About half of the line-up will come from the valley's own musicians and dance groups, "
                "with the first names announced in January."
            ),
            (
                "Residents near Mill Meadow have been offered free tickets, and music will stop at 11 p.m. "
                "on both nights."
            ),
        ],
    },
    {
        "slug": "northgate-library-late-opening-trial",
        "headline": "Northgate Library to stay open until 9 p.m. in a six-month trial",
        "dek": (
            "Students and shift workers have long asked for longer hours. The council will pay for it by "
            "trimming Saturday mornings."
        ),
        "section": "culture",
        "authors": ["maya-okafor"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["books", "education", "city council", "budget"],
        "minutes_ago": 12000,
        "updated_minutes_ago": 10500,
        "excerpt": "",
        "image": {
            "alt": "Illustration of a brick library building with tall lit windows at dusk",
            "caption": "Northgate Library, built in 1908, is the city's busiest branch.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Northgate Library will stay open until 9 p.m. on weekdays from January in a six-month "
                "trial, the city council said, after a petition signed by more than 2,300 residents asked "
                "for longer evening hours."
            ),
            (
                "The branch currently closes at 6 p.m. Council figures show its study spaces are full most "
                "afternoons during exam season, and that visits have risen by 18 percent since 2023."
            ),
            (
                "To cover the cost of about $64,000, the library will open at 11 a.m. instead of 9 a.m. on "
                "Saturdays, when use is lowest. The council's culture committee approved the plan without a "
                "vote."
            ),
            (
                '"We have students who go home to flats with five people and no desk," said Amira Sandoval, '
                'a sixth-form student who started the petition. "This is where they can work."'
            ),
            (
                "Update: After this article was published, the council confirmed the trial will include the "
                "library's computer suite, which had originally been due to close at 6 p.m."
            ),
        ],
    },
    {
        "slug": "film-society-archive-screenings",
        "headline": "Eastbrook Film Society to screen restored harbour documentaries from the 1950s",
        "dek": "",
        "section": "culture",
        "authors": ["felix-amadi"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["film", "heritage", "harbour"],
        "minutes_ago": 30500,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "Illustration of an old cinema screen glowing in a dark room with rows of seat silhouettes"
            ),
            "caption": "The films were found in a council storeroom in 2024.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "The Eastbrook Film Society will show four short documentaries about the city's harbour, "
                "shot between 1951 and 1958 and recently restored from reels found in a council storeroom, "
                "at the Larchfield Arts Centre on Jan. 18."
            ),
            (
                "The films follow dockworkers, a pilot boat crew and the last of the Teasel sailing barges. "
                "Restoration was paid for by a regional heritage grant and carried out by the National Film "
                "Archive."
            ),
            (
                "Tickets cost $6, and the society is asking anyone who recognises relatives in the footage "
                "to get in touch."
            ),
        ],
    },
    {
        "slug": "museum-visits-rise-across-region",
        "headline": "Museum visits across the region rise for a third year, but funding lags behind",
        "dek": "Smaller museums report record attendance while their grants have fallen in real terms.",
        "section": "culture",
        "authors": [],
        "byline": "Aksel Nyberg, Northwind Wire",
        "agency": "nwa",
        "original": None,
        "tags": ["museums", "budget"],
        "minutes_ago": 36000,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "Illustration of a classical museum facade with columns and a wide staircase in soft stone "
                "tones"
            ),
            "caption": "Free museums saw the steepest rise in visitors.",
            "credit": "Northwind Wire",
        },
        "body": [
            (
                "Museums in the region recorded 7.9 million visits in the year to September, up 6 percent on "
                "the previous year and the highest figure since records began in 2008, the Regional Museums "
                "Association said Monday."
            ),
            (
                "The growth was strongest among smaller, free-entry museums, many of which rely on "
                "volunteers. But the association said core public funding for those institutions had fallen "
                "by about 11 percent in real terms over five years."
            ),
            (
                '"People are coming through the doors in greater numbers than ever, and the doors are being '
                'held open with sticky tape," said association director Ingeborg Tallis.'
            ),
            (
                "The association called for a dedicated fund for building repairs, estimating the "
                "maintenance backlog across its members at $140 million."
            ),
        ],
    },
    {
        "slug": "harbour-museum-acquires-ship-figurehead",
        "headline": "Harbour Museum acquires a 19th-century figurehead carved in an Old Quay yard",
        "dek": (
            "The carving, of a woman holding a lantern, was traced to a ship launched from the Teasel in "
            "1867."
        ),
        "section": "culture",
        "authors": ["rosa-lindqvist"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["museums", "heritage", "harbour"],
        "minutes_ago": 225,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "Illustration of a carved wooden figure in profile against a deep teal background with sea "
                "curves"
            ),
            "caption": "The figurehead will go on display in the museum's main gallery in spring.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "A carved ship's figurehead made in an Old Quay boatyard more than 150 years ago has "
                "returned to Eastbrook after the Harbour Museum bought it from a private collection for "
                "$46,000."
            ),
            (
                "The figure, about two metres tall, shows a woman in a long blue dress holding a lantern "
                "aloft. Curators traced it to the <em>Lantern of Teasel</em>, a cargo barque launched from "
                "the Grieve and Sons yard in 1867 that traded timber and grain for three decades before "
                "being broken up."
            ),
            (
                "\"We had a photograph of the ship and a line in the yard's ledger describing 'a lady with "
                'light\'," said curator Joachim Asante. "When this came up at auction with no history '
                'attached, the resemblance was hard to ignore."'
            ),
            (
                "Paint analysis found layers consistent with the period, and tool marks matched two other "
                "carvings attributed to the yard. The purchase was funded by a public appeal that raised "
                "$19,000 in five weeks and a grant from a heritage fund."
            ),
            "The figurehead needs conservation work on cracks in its base and will go on display in spring.",
            (
                "Asante said the museum hoped to find descendants of the carver, recorded in the ledger only "
                'as "T. Mullane".'
            ),
        ],
    },
    {
        "slug": "review-eastbrook-symphony-season-opener",
        "headline": "Review: Eastbrook Symphony opens its season with bold programming and a tentative start",
        "dek": "A new commission about the Teasel estuary was the highlight of an uneven evening.",
        "section": "culture",
        "authors": ["felix-amadi"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["music", "reviews", "teasel estuary"],
        "minutes_ago": 44000,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": "Illustration of a concert platform with rows of music stands and a soft golden glow",
            "caption": "Conductor Leonie Vasquez in her second season with the orchestra.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "It took the Eastbrook Symphony Orchestra about 15 minutes to find its footing on Friday "
                "night at Riverside Hall, and the opening overture suffered for it: entries were smudged and "
                "the brass sounded cautious, as if waiting for permission."
            ),
            (
                "Once settled, however, the orchestra gave a committed premiere of <em>Estuary Hours</em>, a "
                "22-minute commission by the Eastbrook-born composer Anneliese Groot. The piece follows a "
                "single day on the Teasel, from a dawn of quiet strings and bird-like woodwind to a surging "
                "high tide in the full orchestra."
            ),
            (
                "Groot resists the obvious. Gulls are suggested, not imitated; the tide arrives not as a "
                "crash but as a slow, almost unbearable swelling in the lower strings. The final minutes, a "
                "fading dusk over solo cello, drew a long silence before the applause."
            ),
            (
                "After the interval, conductor Leonie Vasquez led a brisk, well-shaped account of a familiar "
                "late-Romantic symphony, at its best in the slow movement."
            ),
            (
                "The season continues on Dec. 12. Details are on the <a "
                'href="https://eastbrook-symphony.example/season">orchestra\'s website</a>.'
            ),
        ],
    },
    {
        "slug": "larchfield-underpass-mural-project",
        "headline": "Artists and residents to repaint Larchfield's gloomy underpass with a 60-metre mural",
        "dek": "Residents voted on the design, which shows the Teasel from its source to the sea.",
        "section": "culture",
        "authors": ["rosa-lindqvist"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["public art", "transport", "city council"],
        "minutes_ago": 39000,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": "Illustration of a long curved wall painted with flowing river shapes in blues and greens",
            "caption": "The underpass links the Larchfield estate to the railway station.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "The pedestrian underpass beneath the Larchfield ring road, long avoided by residents after "
                "dark, is to be covered with a 60-metre mural designed with people who use it every day."
            ),
            (
                "Three local artists led workshops over the summer, and more than 900 residents voted on "
                "four designs. The winning scheme, by the collective Tidewater Studio, follows the Teasel "
                "from its moorland source to the estuary mouth."
            ),
            (
                "The city council is paying $38,000 for the project and will install brighter lighting at "
                'the same time. "Art alone does not make a place feel safe, but art plus decent lights goes '
                'a long way," said Councillor Nia Harrow.'
            ),
            "Painting is due to begin in March, and residents can sign up to help on two community days.",
        ],
    },
    {
        "slug": "ferry-terminal-exhibition-maritime-photographs",
        "headline": "Ferry terminal hosts exhibition of maritime photographs from harbour families",
        "dek": "",
        "section": "culture",
        "authors": [],
        "byline": "Colm Ashby, Harbour News Agency",
        "agency": "hna",
        "original": None,
        "tags": ["harbour", "museums", "heritage"],
        "minutes_ago": 49500,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "Illustration of a ferry terminal hall with large framed panels and a view of boats through "
                "glass"
            ),
            "caption": "The exhibition runs in the terminal's departure hall until February.",
            "credit": "Harbour News Agency",
        },
        "body": [
            (
                "More than 120 photographs lent by families who have worked in Eastbrook harbour over four "
                "generations went on display Friday in the departure hall of the city's ferry terminal."
            ),
            (
                "The images, collected by the Harbour Museum over two years, range from glass-plate "
                "portraits of tug crews in the 1900s to phone pictures of the 2023 storm that damaged the "
                "north breakwater."
            ),
            "Entry is free, and the exhibition is open during terminal hours until Feb. 28.",
        ],
    },
    {
        "slug": "rovers-beat-holloway-cross-with-late-winner",
        "headline": "Rovers come from behind to beat Holloway Cross with a stoppage-time winner",
        "dek": "Substitute Callum Reyes scored in the 93rd minute to lift Eastbrook into the top four.",
        "section": "sport",
        "authors": ["hannah-leclerc"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["football", "eastbrook rovers"],
        "minutes_ago": 12,
        "updated_minutes_ago": 4,
        "excerpt": "",
        "image": {
            "alt": "Illustration of a floodlit football pitch at night with bold white field lines on green",
            "caption": "Quayside Park drew a crowd of 6,412, its biggest of the season.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Substitute Callum Reyes scored in the third minute of stoppage time as Eastbrook Rovers "
                "beat Holloway Cross 2-1 at Quayside Park on Wednesday night, completing a comeback that had "
                "looked unlikely for most of a scrappy second half."
            ),
            (
                "Holloway Cross took the lead in the 28th minute when Dominik Farr met a corner unmarked at "
                "the near post. Rovers were booed off at half-time by sections of a crowd of 6,412, the "
                "largest at the ground this season."
            ),
            (
                "Manager Siobhan Kerrigan made two changes at the break, and the home side were level in the "
                "61st minute when captain Jonas Whitlock headed in a cross from the left. Reyes, on for only "
                "11 minutes, then turned his marker on the edge of the area and drove a low shot inside the "
                "far post."
            ),
            (
                '"I told them at half-time that nobody was going to hand it to us," Kerrigan said. "The '
                'second half was the team I know."'
            ),
            (
                "The win moves Rovers into fourth place, two points behind leaders Saltmarsh Green Athletic "
                "with a game in hand. Holloway Cross stay 11th."
            ),
            "Rovers travel to Brinmoor Town on Saturday.",
        ],
    },
    {
        "slug": "rowing-club-boathouse-plans-approved",
        "headline": "Eastbrook Rowing Club wins approval for a new boathouse on the Millbank reach",
        "dek": (
            "The $2.1 million building will replace a timber shed that has flooded four times in five years."
        ),
        "section": "sport",
        "authors": ["hannah-leclerc"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["rowing", "city council", "flooding", "budget"],
        "minutes_ago": 1020,
        "updated_minutes_ago": 700,
        "excerpt": "The design raises the boat bays 1.2 metres above the highest recorded tide.",
        "image": {
            "alt": "Illustration of a modern boathouse on a riverbank with long slender boats and calm water",
            "caption": "The new boathouse will stand on the site of the club's 1950s shed.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Eastbrook Rowing Club can replace its flood-prone boathouse on the Millbank reach of the "
                "Teasel after the city's planning committee approved the design on Tuesday evening by seven "
                "votes to one."
            ),
            (
                "The $2.1 million building will raise the boat bays 1.2 metres above the highest tide on "
                "record and add changing rooms, an accessible pontoon and a first-floor gym. The club's "
                "existing timber shed, built in 1954, has flooded four times since 2021, most recently in "
                "February, when water damaged 11 boats."
            ),
            (
                '"Every time the river comes up, we lose a season\'s worth of fundraising in an afternoon," '
                'said club captain Ruth Obiang. "This building means we stop bailing and start rowing."'
            ),
            (
                "The project is being funded by a national sports grant of $1.3 million, a council "
                "contribution of $250,000 and the club's own fundraising. The council's share was approved "
                "in last year's budget."
            ),
            (
                "The only vote against came from Councillor Peter Lisle, who said the building's height "
                "would block views of the river from Waterside Terrace. The architects reduced the roofline "
                "by 80 centimetres after a consultation in the summer."
            ),
            (
                "The club has about 320 members, including a junior section of 90 and an adaptive rowing "
                "squad that has grown rapidly since 2023. Coaches say the accessible pontoon will let them "
                "take on more para-rowers."
            ),
            (
                "Construction is expected to start in April and take about 14 months. The club will store "
                "its boats at the university's boathouse in the meantime."
            ),
        ],
    },
    {
        "slug": "cycling-federation-publishes-new-race-calendar",
        "headline": "Cycling federation adds two coastal stages to next year's national tour",
        "dek": "",
        "section": "sport",
        "authors": [],
        "byline": "Pieter Olsgaard, Northwind Wire",
        "agency": "nwa",
        "original": None,
        "tags": ["cycling", "transport"],
        "minutes_ago": 4300,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": "Illustration of a winding road along a coastline with soft hills and a pale sky",
            "caption": "The coastal stages will run on consecutive days in June.",
            "credit": "Northwind Wire",
        },
        "body": [
            (
                "The National Cycling Federation has added two coastal stages to next year's eight-day "
                "national tour, including a finish at Saltmarsh Green, the federation said Monday."
            ),
            (
                "The new stages replace a mountain time trial dropped after local authorities said they "
                "could not close the route. Race director Annika Voss said the coast roads would suit "
                "breakaways and crosswinds."
            ),
            "The tour will start on June 6 and finish eight days later in the capital.",
        ],
    },
    {
        "slug": "head-of-the-teasel-race-at-100",
        "headline": "A hundred years of the Head of the Teasel, the race that shaped a rowing city",
        "dek": (
            "The processional race has survived two floods, a war and a swan. This weekend it celebrates its "
            "centenary."
        ),
        "section": "sport",
        "authors": ["hannah-leclerc", "rosa-lindqvist"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["rowing", "heritage", "teasel estuary"],
        "minutes_ago": 26000,
        "updated_minutes_ago": None,
        "excerpt": (
            "When the first Head of the Teasel started in 1926, nine crews took part. This year there are "
            "312."
        ),
        "image": {
            "alt": (
                "Illustration of several rowing boats on a wide river at dawn with pink and blue layered sky"
            ),
            "caption": "Crews pass under the Millbank road bridge, two kilometres from the finish.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "On a cold March morning in 1926, nine rowing crews lined up on the Teasel at Holloway "
                "Cross, set off at 30-second intervals and raced 6.8 kilometres downstream to the Old Quay "
                "steps. The winners, a crew of shipyard apprentices, were given a silver tankard and a hot "
                "breakfast."
            ),
            (
                "On Saturday, 312 crews will race the same course in the centenary Head of the Teasel, and "
                "the format has barely changed. Crews still start one by one and race against the clock. The "
                "winners still get breakfast."
            ),
            (
                "What has changed is nearly everything around it. The race now draws crews from across the "
                "country and, in recent years, from abroad. About 2,500 rowers will take part, and the "
                "organisers expect 15,000 spectators along the banks."
            ),
            (
                '"It is the one day a year the whole city looks at the river," said Margit Ellery, who has '
                'chaired the organising committee since 2016. "The rest of the year, we are the people in '
                'lycra getting in the way of the dog walkers."'
            ),
            (
                "The race has not always run smoothly. It was cancelled between 1940 and 1945, when the "
                "river was closed to civilian boats. In 1953 and again in 2014 floods swept away the start "
                "pontoons. And in 1988, a nesting swan on the course at Larchfield famously held up the "
                "entire field for 20 minutes."
            ),
            (
                "[image] Illustration of an old black-and-white style rowing crew lined up on a riverbank | "
                "The winning 1926 crew, apprentices from the Grieve and Sons shipyard, as shown in the race "
                "archive."
            ),
            (
                "For Eastbrook, the race has done more than provide a day out. Club records show that "
                "membership of the city's three rowing clubs has roughly doubled in each generation since "
                "the 1960s, and coaches credit the Head with giving beginners a goal they can reach in their "
                "first season."
            ),
            (
                "Ellery's own story is typical. She took up rowing at 34 after watching the race from the "
                'Millbank bridge. "I thought: I could do that, badly," she said. "I did it badly for three '
                'years and then less badly."'
            ),
            (
                '> "It is the one day a year the whole city looks at the river." — Margit Ellery, race '
                "committee chair"
            ),
            (
                "For the centenary, the organisers have added a veterans' division for rowers over 70 and "
                "invited every surviving member of past winning crews to start the race. The oldest, Halvard "
                "Brenner, won in 1961 and is 89. He will fire the starting gun."
            ),
            (
                "Racing begins at 9 a.m. at Holloway Cross, with the last crews expected to finish around 2 "
                "p.m. The best viewing points are the Millbank bridge and the Old Quay steps; road closures "
                'are listed on the <a href="https://headoftheteasel.example/spectators">race website</a>.'
            ),
        ],
    },
    {
        "slug": "larchfield-cricket-club-pitch-flooding",
        "headline": "Larchfield Cricket Club forced to relay its square after a third summer flood",
        "dek": "The club says climate change is making its riverside ground unplayable for weeks at a time.",
        "section": "sport",
        "authors": ["hannah-leclerc"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["cricket", "climate", "flooding"],
        "minutes_ago": 10200,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "Illustration of a cricket ground with a pavilion and pools of water reflecting a grey sky"
            ),
            "caption": "The ground sits on a bend of the Teasel that has flooded three summers running.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Larchfield Cricket Club will spend $42,000 relaying its square this winter after summer "
                "flooding for the third year in a row left the playing surface waterlogged and uneven."
            ),
            (
                "The club, founded in 1887, plays on a riverside ground on a bend of the Teasel. Until 2020, "
                "club records show, the ground flooded on average once every six years, almost always in "
                "winter. Since then it has flooded in July 2024, August 2025 and June this year."
            ),
            (
                '"We lost nine home fixtures this season," said club chair Deepak Mallory. "Cricket clubs '
                'plan for rain. We did not plan for rivers."'
            ),
            (
                "The new square will include drainage channels and a sand-based root zone designed to "
                "recover faster after flooding. The club is also talking to the city council about a low "
                "earth bank along the riverside boundary."
            ),
            (
                'Mallory said the club had considered moving but could not afford new land. "This is our '
                'ground," he said. "We will adapt it as long as we can."'
            ),
        ],
    },
    {
        "slug": "brinmoor-teen-sprinter-national-record",
        "headline": "Brinmoor sprinter, 16, breaks national under-17 record for 200 metres",
        "dek": (
            "Imani Castell trains on a cinder track her coach describes as 'older than me and in worse "
            "condition'."
        ),
        "section": "sport",
        "authors": [],
        "byline": "Nia Farrow, Valley Gazette",
        "agency": None,
        "original": ("Valley Gazette", "https://valleygazette.example/2026/11/imani-castell-200m-record"),
        "tags": ["athletics", "education"],
        "minutes_ago": 16000,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": "Illustration of a running track curving through a stadium under a bright blue sky",
            "caption": "Castell's time would have placed fifth in this year's senior women's final.",
            "credit": "Nia Farrow/Valley Gazette",
        },
        "body": [
            (
                "Imani Castell, a 16-year-old pupil at Brinmoor High School, broke the national under-17 "
                "record for the 200 metres at the indoor championships on Sunday, running 23.41 seconds to "
                "take 0.18 seconds off a mark that had stood since 2009."
            ),
            (
                "Castell, who won her heat and semifinal comfortably, came off the final bend level with two "
                "older rivals before pulling clear in the last 50 metres."
            ),
            (
                "She trains three evenings a week at Brinmoor Harriers on a cinder track laid in the 1970s. "
                '"It is older than me and in worse condition," said her coach, Ray Dunmore, a retired PE '
                'teacher. "But it has made her tough."'
            ),
            (
                "The club has applied for a grant to resurface the track and says Castell's record has "
                "strengthened its case."
            ),
            (
                'Castell said she would now focus on her exams. "My mum said I can celebrate after '
                'chemistry," she said.'
            ),
        ],
    },
    {
        "slug": "league-approves-winter-break-trial",
        "headline": "Regional football league approves a three-week winter break trial",
        "dek": "Clubs voted 17-7 in favour after two seasons of postponed matches in January.",
        "section": "sport",
        "authors": [],
        "byline": "Tobias Wren, Continental Press Service",
        "agency": "cps",
        "original": None,
        "tags": ["football", "eastbrook rovers"],
        "minutes_ago": 22500,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": "Illustration of an empty football pitch under frost with pale winter light",
            "caption": "More than 40 league matches were postponed last January.",
            "credit": "Continental Press Service",
        },
        "body": [
            (
                "Clubs in the Northern Counties Football League voted 17-7 on Thursday to pause the season "
                "for three weeks in January on a trial basis, after frozen and waterlogged pitches forced "
                "more than 40 postponements last winter."
            ),
            (
                "The break will run from the first weekend of January, with the lost dates made up by moving "
                "some fixtures to midweek in spring. Eastbrook Rovers and Saltmarsh Green Athletic were "
                "among the clubs that voted in favour."
            ),
            (
                "League chair Brigitte Lanark said clubs would review the trial at the end of the season. "
                "Several smaller clubs opposed the plan, saying they could not afford to lose three weeks of "
                "gate receipts."
            ),
            (
                "The league said it would consider a hardship fund for clubs that can show a significant "
                "loss of income."
            ),
        ],
    },
    {
        "slug": "northgate-academy-girls-football-programme",
        "headline": "Girls' football at Northgate Academy grows from one team to six in three years",
        "dek": (
            "A PE teacher's lunchtime kickabout has become one of the biggest school programmes in the "
            "region."
        ),
        "section": "sport",
        "authors": ["hannah-leclerc"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["football", "education", "health"],
        "minutes_ago": 8000,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "Illustration of a school playing field with goalposts and bright field markings under a "
                "clear sky"
            ),
            "caption": "Northgate Academy's teams train on the school field three afternoons a week.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Three years ago, Northgate Academy had one girls' football team, and on a good week 14 "
                "players turned up to train. This term the school fields six teams from under-12s to sixth "
                "form, with 112 girls registered."
            ),
            (
                "The growth began with Leah Mbatha, a PE teacher who started a lunchtime kickabout in 2023 "
                'because, she says, "the girls kept asking to join in with the boys and getting told no."'
            ),
            (
                "Mbatha kept the sessions informal at first: no trials, no one dropped, anyone welcome in "
                "school shoes. Within a term she had 40 regulars and asked the head teacher for a second "
                "coach."
            ),
            (
                "[image] Illustration of a group of young players in matching kits gathered around a coach "
                "with a ball | Under-14s at training; the squad reached a county cup semifinal last season."
            ),
            (
                "The school has since joined the county schools league, and its under-14s reached a cup "
                "semifinal last season. Eastbrook Rovers' women's team sends players to coach once a month."
            ),
            (
                '"The most important thing is not the results," Mbatha said. "It\'s that girls who used to '
                'hide in the library at lunchtime are now arguing about formations."'
            ),
            (
                "Head teacher Colin Ashworth said attendance among girls in the programme was four "
                "percentage points higher than among those not taking part, though he acknowledged other "
                "factors could be involved."
            ),
            (
                "The school is raising money for floodlights so teams can train after school in winter. It "
                "has raised $9,400 of its $30,000 target."
            ),
        ],
    },
    {
        "slug": "harbour-swim-cancelled-over-water-quality",
        "headline": "Harbour charity swim called off after tests show high bacteria levels",
        "dek": "",
        "section": "sport",
        "authors": [],
        "byline": "Colm Ashby, Harbour News Agency",
        "agency": "hna",
        "original": None,
        "tags": ["water quality", "harbour", "health"],
        "minutes_ago": 2900,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": "Illustration of a harbour basin with buoys in a line on choppy blue-grey water",
            "caption": "The swim course runs between the north and south breakwaters.",
            "credit": "Harbour News Agency",
        },
        "body": [
            (
                "Organisers of the annual Eastbrook Harbour Swim cancelled Sunday's event after water "
                "samples taken following heavy rain showed E. coli levels more than three times the limit "
                "for bathing water."
            ),
            (
                "About 400 swimmers had registered to raise money for the lifeboat station. Organisers said "
                "entries would be carried over to a rescheduled date in spring and that the city's water "
                "company had been asked to explain an overflow discharge recorded on Thursday."
            ),
        ],
    },
    {
        "slug": "ticket-tout-fined-over-rovers-cup-tickets",
        "headline": "Man fined $3,200 for reselling Rovers cup tickets at five times face value",
        "dek": "",
        "section": "sport",
        "authors": ["jonah-feld"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["football", "courts", "eastbrook rovers"],
        "minutes_ago": 31500,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": "Illustration of a courthouse facade with tall columns under an overcast sky",
            "caption": "The case was heard at Eastbrook Magistrates' Court.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "A 34-year-old man from Holloway Cross was fined $3,200 on Monday for illegally reselling "
                "tickets to Eastbrook Rovers' cup quarterfinal last season, in the first prosecution of its "
                "kind brought in the city."
            ),
            (
                "Eastbrook Magistrates' Court heard that Aaron Selby bought 46 tickets using accounts "
                "registered to friends and relatives and sold them online for up to $120 each. The tickets "
                "had a face value of $24."
            ),
            (
                "Selby pleaded guilty. His lawyer, Marion Tighe, said he had been in debt and had not "
                "understood the seriousness of the offence. Magistrate Helen Crewe said the resale had "
                '"priced out genuine supporters from a match that meant a great deal to this city".'
            ),
            (
                "Selby was also ordered to pay $850 in costs. Rovers said it had banned him from the ground "
                "for three years."
            ),
        ],
    },
    {
        "slug": "eastbrook-marathon-route-changes",
        "headline": "Eastbrook Marathon moves its finish to Old Quay as bridge works close the old route",
        "dek": (
            "Runners will cross the Teasel twice, and organisers promise fewer road closures in Northgate."
        ),
        "section": "sport",
        "authors": ["hannah-leclerc"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["athletics", "transport", "city council"],
        "minutes_ago": 6500,
        "updated_minutes_ago": 5200,
        "excerpt": "",
        "image": {
            "alt": (
                "Illustration of a city street along a river with bunting and a finish arch in warm colours"
            ),
            "caption": "The new finish on Old Quay's waterfront promenade.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Next year's Eastbrook Marathon will finish on the Old Quay waterfront instead of in "
                "Northgate Park, organisers said, because repair works on the Millbank bridge will close a "
                "key section of the usual route."
            ),
            (
                "The new course crosses the Teasel twice, on the Harbour Road swing bridge and the "
                "Larchfield footbridge, and spends more of its second half beside the river. Race director "
                "Kofi Lindgren said it had been measured and would be submitted for certification in January."
            ),
            '"We think it is a faster course, and it is certainly a prettier one," Lindgren said.',
            (
                "The change will shorten road closures in Northgate by about two hours, a long-standing "
                "request from businesses on Northgate High Street. Closures in Old Quay will be longer, and "
                "the council said it would publish details in February."
            ),
            "About 7,000 runners are expected for the race on April 19. Entries open on Dec. 1.",
            (
                "Correction: An earlier version of this article gave the wrong date for the opening of "
                "entries. They open on Dec. 1, not Dec. 10."
            ),
        ],
    },
    {
        "slug": "community-sport-grants-analysis",
        "headline": "Half of the city's community sport grants went to clubs in two districts, data shows",
        "dek": (
            "Millbank and Larchfield received 51 percent of the money; Northgate, with more children, got 9 "
            "percent."
        ),
        "section": "sport",
        "authors": ["samuel-osei"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["budget", "city council", "education"],
        "minutes_ago": 43500,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": "Illustration of bar-like shapes rising over a playing field in layered greens and blues",
            "caption": (
                "The council distributed $1.8 million in community sport grants between 2021 and 2025."
            ),
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Sports clubs in two of Eastbrook's seven districts received more than half of the money the "
                "city council handed out in community sport grants over the past five years, according to an "
                "analysis of council records by The Eastbrook Ledger."
            ),
            (
                "Of the $1.8 million awarded between 2021 and 2025, clubs in Millbank and Larchfield "
                "received $918,000, or 51 percent. Those districts are home to about 29 percent of the "
                "city's children. Northgate, the district with the most under-18s, received 9 percent."
            ),
            (
                "The Ledger compiled the figures from 412 grant decisions published in committee papers. The "
                'full dataset is available on <a href="https://ledger-data.example/sport-grants">our data '
                "page</a>."
            ),
            (
                "The pattern does not appear to reflect any deliberate policy. Grants are awarded on "
                "application, and the analysis found that clubs in Millbank and Larchfield simply applied "
                "far more often: 188 applications, compared with 41 from Northgate."
            ),
            (
                '"Writing a grant bid is a skill, and it is usually the clubs that already have a retired '
                'accountant on the committee who do it well," said Abena Fairweather, who runs a youth '
                'basketball club in Northgate. "We are three volunteers and a minibus."'
            ),
            (
                "Councillor Owen Pryce, who chairs the council's leisure committee, said the findings were "
                '"uncomfortable but useful". He said the council would consider setting aside part of the '
                "fund for districts with low participation and offering help with applications."
            ),
            (
                "The council's sports development team said it had already begun running bid-writing "
                "workshops, with the first held in Northgate in October."
            ),
        ],
    },
    {
        "slug": "saltmarsh-green-regatta-record-entry",
        "headline": "Saltmarsh Green regatta draws a record fleet for its winter series",
        "dek": "Organisers credit a new youth class and a run of calm Sundays.",
        "section": "sport",
        "authors": [],
        "byline": "Bea Tarrant, The Coastline Review",
        "agency": None,
        "original": (
            "The Coastline Review",
            "https://coastline-review.example/2026/10/winter-series-record-fleet",
        ),
        "tags": ["sailing", "harbour"],
        "minutes_ago": 38000,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": "Illustration of small white sails on a calm bay with soft rolling dunes behind",
            "caption": "The winter series runs every Sunday until March.",
            "credit": "Bea Tarrant/The Coastline Review",
        },
        "body": [
            (
                "A record 74 boats started the opening race of the Saltmarsh Green Sailing Club's winter "
                "series on Sunday, beating the previous high of 58 set in 2019."
            ),
            (
                "Commodore Isla Pennock said the growth was largely down to a new youth class using small "
                "single-handed dinghies that the club bought with a lottery grant. Twenty-two sailors under "
                "16 took part."
            ),
            (
                '"A few years ago, winter sailing here was a dozen stubborn people in drysuits," Pennock '
                'said. "Now we have a waiting list for boat storage."'
            ),
            (
                "Races start at 11 a.m. each Sunday, conditions permitting, and spectators can watch from "
                "the sea wall."
            ),
        ],
    },
]
