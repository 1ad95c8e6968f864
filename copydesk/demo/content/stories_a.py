"""Demo stories, part A: Local, Politics, Business and World for The Eastbrook Ledger.

All people, places, organisations and events are invented. Times are relative: "minutes_ago" is the
publication time as minutes before the moment the demo is loaded. Body paragraphs may start with "> "
(blockquote) or "[image] " (inline image: "alt text | caption").
"""

STORIES = [
    {
        "slug": "council-approves-millbank-bridge-repairs",
        "headline": "Council approves $14.2 million repair plan for Millbank Bridge",
        "dek": (
            "The 1931 span will close to cars for about seven months while crews replace its deck and "
            "corroded steelwork."
        ),
        "section": "local",
        "authors": ["maya-okafor"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["city council", "transport", "budget", "infrastructure"],
        "minutes_ago": 320,
        "updated_minutes_ago": 95,
        "excerpt": "",
        "image": {
            "alt": (
                "A three-arched steel and stone road bridge over a river at dusk, with traffic cones lining "
                "one lane"
            ),
            "caption": (
                "Millbank Bridge carries about 22,000 vehicles a day, according to council traffic counts."
            ),
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Eastbrook City Council voted 11-2 to spend $14.2 million repairing Millbank Bridge, ending "
                "more than a year of argument over whether the nearly century-old crossing should be patched "
                "or replaced outright."
            ),
            (
                "The plan, drawn up by the city's engineering department, calls for a new concrete deck, "
                "strengthening work on two of the bridge's three arches and the repainting of steelwork that "
                'inspectors rated "poor" in places during their last survey. Work is expected to begin in '
                "early spring."
            ),
            (
                "For about seven months the bridge will be closed to cars and lorries. A single lane for "
                "pedestrians and cyclists will stay open except on three weekends, when cranes lift the new "
                "deck sections into place."
            ),
            (
                '"Nobody on this council wanted to close Millbank Bridge for half a year," said Councillor '
                'Ruth Adeyemi, who chairs the infrastructure committee. "But the alternative was a weight '
                "limit that gets lower every year until we have to shut it anyway, with no plan and no money "
                'set aside."'
            ),
            (
                "The two councillors who voted against, Graham Pike and Olwen Baird, argued that a "
                "replacement bridge, estimated at $38 million, would work out cheaper over 60 years. A "
                "consultant's report presented to the meeting put the working life of the repaired bridge at "
                "35 to 40 years."
            ),
            (
                "Traders on Millbank Road have asked for help during the closure. The council set aside "
                "$250,000 for signs, temporary parking and a marketing campaign, and agreed to run a free "
                "shuttle bus between Millbank and the Old Quay every 15 minutes during shop hours."
            ),
            (
                "Detour maps and a timetable for the works will be published on the <a "
                'href="https://eastbrook-council.example/millbank-bridge">council\'s project page</a> '
                "before the closure begins."
            ),
        ],
    },
    {
        "slug": "holloway-cross-library-reopens-after-flood",
        "headline": "Holloway Cross library reopens 26 months after flood wrecked its shelves",
        "dek": (
            "Volunteers helped rebuild a collection of 40,000 books, about a third of which were lost when "
            "the Brin burst its banks."
        ),
        "section": "local",
        "authors": [],
        "byline": "Jo Pell, Valley Gazette",
        "agency": None,
        "original": ("Valley Gazette", "https://valleygazette.example/news/holloway-cross-library-reopens"),
        "tags": ["education", "flooding", "community"],
        "minutes_ago": 8640,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "A red-brick Victorian library building with tall arched windows and a queue of people "
                "waiting outside the front door"
            ),
            "caption": "Readers queue outside Holloway Cross library on Station Street before its reopening.",
            "credit": "Valley Gazette",
        },
        "body": [
            (
                "The public library in Holloway Cross has reopened, 26 months after floodwater rose nearly a "
                "metre inside the building and destroyed most of the books on its ground floor."
            ),
            (
                "More than 300 people queued outside the Victorian building on Station Street before the "
                "doors opened at 10 a.m. Children's librarian Aileen Varga said the first book to be "
                "borrowed was a picture book about a lighthouse keeper, checked out by a four-year-old named "
                "Maisie."
            ),
            (
                "The repairs cost $2.1 million, most of it covered by insurance and a regional flood "
                "resilience grant. Electrical sockets and the main computer cabinet have been moved to waist "
                "height, and the carpets on the ground floor have been replaced with tiles."
            ),
            (
                '"We rebuilt it on the assumption that the water will come back one day," said Derek '
                "Hollins, the town's facilities manager. \"When it does, we want to be mopping up for a "
                'week, not rebuilding for two years."'
            ),
            (
                "Volunteers catalogued and shelved about 13,000 replacement books donated by readers and "
                "publishers across the valley. The library will return to opening six days a week from next "
                "month."
            ),
        ],
    },
    {
        "slug": "northgate-housing-cooperative-breaks-ground",
        "headline": "In Northgate, a housing co-operative finally breaks ground after nine years",
        "dek": (
            "Members of the Fennel Yard co-operative spent nearly a decade raising money, fighting planning "
            "objections and losing one site before building could begin."
        ),
        "section": "local",
        "authors": ["maya-okafor", "rosa-lindqvist"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["housing", "city council", "community"],
        "minutes_ago": 12_410,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "A group of people in hard hats and winter coats holding shovels on a muddy building site, "
                "with terraced houses behind them"
            ),
            "caption": (
                "Members of the Fennel Yard Housing Co-operative on the site off Tanner's Row, Northgate."
            ),
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "On a muddy former car park off Tanner's Row, 31 households that have never lived together "
                "took turns pushing a ceremonial shovel into the ground, and several of their members cried."
            ),
            (
                "The Fennel Yard Housing Co-operative plans to build 24 flats and seven townhouses on the "
                "site, which it leases from the city for 125 years at a nominal rent. Members will not own "
                "their homes individually. They will pay rent to the co-operative, which they own and run "
                "together."
            ),
            (
                "It has taken nine years to get here. The group formed at a meeting about rising rents in a "
                "Northgate church hall, lost its first site to a supermarket developer, and spent two years "
                "revising its designs after neighbours objected to the height of the original scheme."
            ),
            (
                '"There were nights when we had eleven people in my kitchen arguing about window sizes," '
                'said Agnieszka Dunne, a nurse who has chaired the co-op since its third year. "I think '
                "that's partly why we're still here. People got invested in the details.\""
            ),
            (
                "[image] Architect's model of a four-storey brick building arranged around a shared "
                "courtyard with trees and bicycle racks | The design places the flats around a courtyard, "
                "with a shared laundry and workshop on the ground floor."
            ),
            (
                "The project will cost about $11.6 million. Roughly 60 percent comes from a loan from the "
                "Eastbrook Mutual Building Society and a quarter from a city housing grant. The rest was "
                "raised from member shares and a community bond that attracted $740,000 from 412 investors, "
                "most of whom live within two miles of the site."
            ),
            (
                "Rents will be set at about 70 percent of the market rate for Northgate, according to the "
                "co-operative's business plan, and will rise in line with its costs rather than with the "
                "market. Eight of the flats are reserved for households nominated by the city's housing "
                "office."
            ),
            (
                "Councillor Tom Whitlow, whose ward includes Tanner's Row, said the scheme had changed his "
                'mind about co-operative housing. "I was sceptical. I thought it was a nice idea for people '
                'with a lot of spare evenings," he said. "What persuaded me was the numbers. They\'ve been '
                "more careful with money than some developers I've dealt with.\""
            ),
            (
                '> "We are not trying to be a model for anybody. We just want somewhere to live that we '
                "can't be moved out of.\" — Agnieszka Dunne, chair of the Fennel Yard Housing Co-operative"
            ),
            (
                "Not everyone is convinced. A residents' group on neighbouring Saddler Street, which opposed "
                "the first design, says it still has concerns about parking, because the scheme includes "
                "only nine car spaces. The co-op has agreed to pay for a car club with two shared vehicles "
                "for its first three years."
            ),
            (
                "Construction is expected to take 20 months. Dunne said the group would hold its monthly "
                "meeting on site once the ground-floor slab is poured. \"We've met in every church hall in "
                'Northgate," she said. "It will be nice to meet somewhere that\'s ours."'
            ),
        ],
    },
    {
        "slug": "teasel-flood-barrier-overnight-test",
        "headline": "Teasel estuary flood barrier to close overnight for its annual full test",
        "dek": "",
        "section": "local",
        "authors": ["maya-okafor"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["flooding", "climate", "infrastructure", "teasel estuary"],
        "minutes_ago": 15_790,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "Large grey steel flood gates standing open across a wide estuary channel at low tide, with "
                "gulls on the concrete piers"
            ),
            "caption": "The Teasel barrier has been closed in earnest 17 times since it opened.",
            "credit": "The Eastbrook Ledger",
        },
        "body": [
            (
                "The Teasel estuary flood barrier will be closed for about six hours overnight this weekend "
                "for its annual full-load test, the Eastbrook Harbour Authority said."
            ),
            (
                "The gates will begin to close at about 11 p.m. and should reopen by 5 a.m. Shipping "
                "movements have been rescheduled, and residents of the Old Quay and the Millbank embankment "
                "may hear the warning sirens that sound before every closure."
            ),
            (
                "The barrier has been closed in earnest 17 times since it opened, including four times last "
                'winter. A <a href="https://eastbrook-harbour.example/barrier">live status page</a> will '
                "track the test through the night."
            ),
        ],
    },
    {
        "slug": "larchfield-primary-closed-roof-survey",
        "headline": "Larchfield Primary School shut after survey raises concerns about roof panels",
        "dek": (
            "About 340 pupils will be taught at two nearby sites while engineers examine concrete panels "
            "above the main hall."
        ),
        "section": "local",
        "authors": ["maya-okafor"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["education", "city council", "infrastructure"],
        "minutes_ago": 2605,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "A single-storey 1960s school building with a flat roof and a closed metal gate, a "
                "handwritten notice taped to the railings"
            ),
            "caption": (
                "The gates of Larchfield Primary School, where a survey found possible weaknesses in the "
                "roof."
            ),
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Larchfield Primary School will be closed for at least two weeks after a routine survey "
                "found that concrete panels in the roof of its main hall could be at risk of failing, the "
                "city's education department said."
            ),
            (
                "The school's 340 pupils will be split between the Larchfield Community Centre and St. "
                "Brendan's parish hall while engineers carry out a fuller assessment. Parents were told in a "
                "letter sent home at the end of the school day."
            ),
            (
                'Headteacher Simon Akers said no cracking or movement had been seen. "This is a precaution, '
                'and the right one," he wrote. "I would rather explain an inconvenience than an accident."'
            ),
            (
                "The department said the panels were made of a lightweight concrete widely used in public "
                "buildings in the 1960s and 1970s, which can weaken if water gets into it over many years. "
                "Three other city schools with similar roofs were checked last year and found to be sound."
            ),
            (
                'Some parents at the gate were angry about the short notice. "I found out from a text at '
                'half past three," said Marianne Cole, whose two children attend the school. "I start a '
                "shift at seven tomorrow morning. I don't know what I'm supposed to do.\""
            ),
            (
                "The department said it would run a free bus from the school gates to both temporary sites, "
                "and that the breakfast club would continue at the community centre."
            ),
        ],
    },
    {
        "slug": "route-14-buses-diverted-northgate-roadworks",
        "headline": "Route 14 buses diverted around Northgate for six weeks of gas main works",
        "dek": "",
        "section": "local",
        "authors": ["rosa-lindqvist"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["transport", "infrastructure"],
        "minutes_ago": 22_280,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "A green single-decker city bus passing temporary traffic lights and orange barriers on a "
                "terraced street"
            ),
            "caption": "Roadworks on Northgate Road will close four bus stops.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Buses on Route 14 will skip four stops on Northgate Road for six weeks from next Monday "
                "while crews replace gas mains beneath the road, Eastbrook Transit said."
            ),
            (
                "Temporary stops will be set up on Fairlie Street and Cooper's Lane. The operator said "
                "journeys between Larchfield and the city centre could take up to 10 minutes longer at peak "
                "times and advised passengers to check its <a "
                'href="https://eastbrook-transit.example/diversions">diversions page</a> before travelling.'
            ),
        ],
    },
    {
        "slug": "burst-water-main-floods-old-quay-streets",
        "headline": "Burst water main floods streets near the Old Quay, cutting supply to hundreds of homes",
        "dek": "",
        "section": "local",
        "authors": ["maya-okafor"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["flooding", "infrastructure"],
        "minutes_ago": 7,
        "updated_minutes_ago": 2,
        "excerpt": "",
        "image": {
            "alt": (
                "Water gushing across a cobbled street between brick warehouses, with a utility van parked "
                "at the kerb"
            ),
            "caption": "Water pours along Chandler's Walk shortly after the main burst.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "A large water main burst beneath Chandler's Walk near the Old Quay, sending water across "
                "several streets and cutting off supply to about 600 homes and businesses, Eastbrook Water "
                "said."
            ),
            (
                "Crews have isolated the pipe and are working to restore supply. A spokeswoman said the "
                "cast-iron main, laid in the 1950s, was 18 inches wide, and that the cause of the failure "
                "was not yet known. Police have closed Chandler's Walk and Ropemaker Street to traffic."
            ),
            (
                "<strong>Update:</strong> Eastbrook Water said supply had been restored to about 200 "
                "properties. Bottled water is being handed out at the Old Quay community hall. This story "
                "will be updated."
            ),
        ],
    },
    {
        "slug": "old-quay-night-market-returns",
        "headline": "Old Quay night market to return for the summer after a two-year break",
        "dek": (
            "Traders say a new licence deal with the harbour authority makes the weekly market affordable "
            "again."
        ),
        "section": "local",
        "authors": ["rosa-lindqvist"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["small business", "city council", "harbour"],
        "minutes_ago": 1_150_000,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "Strings of lights over food stalls along a stone harbour wall at night, with moored boats "
                "in the background"
            ),
            "caption": "The Old Quay night market before it was suspended.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "The Old Quay night market will return to the harbourside on Friday evenings from June, two "
                "years after rising insurance costs forced its organisers to cancel it."
            ),
            (
                "The Old Quay Traders' Association said it had signed a three-year licence with the "
                "Eastbrook Harbour Authority that cuts pitch fees by about a third and includes the cost of "
                "public liability cover."
            ),
            (
                "Up to 45 stalls will set up along the quay wall between 5 p.m. and 10 p.m., selling street "
                "food, crafts and secondhand goods. The association said it had already received more than "
                "90 applications for pitches."
            ),
            (
                '"People stop me in the street to ask when it\'s coming back," said Benedict Olawale, the '
                'association\'s secretary, who runs a spice stall. "Now I can finally give them a date."'
            ),
            (
                "The harbour authority said the quay car park would close to vehicles from 3 p.m. on market "
                "nights."
            ),
        ],
    },
    {
        "slug": "saltmarsh-green-villagers-buy-post-office",
        "headline": "Saltmarsh Green villagers club together to buy their post office and shop",
        "dek": "",
        "section": "local",
        "authors": [],
        "byline": "Marcus Tolley, The Coastline Review",
        "agency": None,
        "original": (
            "The Coastline Review",
            "https://coastline-review.example/communities/saltmarsh-green-post-office",
        ),
        "tags": ["small business", "community", "economy"],
        "minutes_ago": 31_020,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "A small whitewashed village shop with a red post box beside the door and a hand-painted "
                "sign reading Saltmarsh Stores"
            ),
            "caption": "The post office and shop is the only one in Saltmarsh Green.",
            "credit": "The Coastline Review",
        },
        "body": [
            (
                "Residents of Saltmarsh Green have bought the village's only post office and shop for "
                "$410,000 after its owners retired, heading off a closure that would have left the nearest "
                "counter nine miles away in Eastbrook."
            ),
            (
                "The money was raised through a community share offer that attracted 286 investors, with a "
                "minimum stake of $100. A further $60,000 came from a rural services fund."
            ),
            (
                "The shop will be run by a paid manager, Carys Penhale, with help from a rota of about 30 "
                'volunteers. "Half the village is over 65, and a fair few don\'t drive," Penhale said. '
                "\"For them this isn't a convenience. It's where they collect their pensions.\""
            ),
            (
                "Peter and Anne Sowerby, who ran the shop for 23 years, will stay on for the first month to "
                "help with the handover."
            ),
        ],
    },
    {
        "slug": "larchfield-rents-rose-fastest-in-eastbrook",
        "headline": "Rents in Larchfield rose faster than anywhere else in Eastbrook, Ledger analysis finds",
        "dek": (
            "The typical advertised two-bedroom flat in the district now costs $1,640 a month, up 11.4 "
            "percent in a year."
        ),
        "section": "local",
        "authors": ["samuel-osei"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["housing", "economy", "transport"],
        "minutes_ago": 40_470,
        "updated_minutes_ago": None,
        "excerpt": (
            "Rents within a ten-minute walk of the new Larchfield Cross tram stop rose almost twice as fast "
            "as those further away."
        ),
        "image": {
            "alt": (
                "A row of pastel-painted terraced houses with several letting agency boards fixed to the "
                "railings"
            ),
            "caption": "Letting boards on Willow Street, Larchfield.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Advertised rents in Larchfield rose 11.4 percent over the past 12 months, the steepest "
                "increase of any district in Eastbrook, according to a Ledger analysis of more than 9,000 "
                "lettings listings."
            ),
            (
                "The typical advertised rent for a two-bedroom flat in Larchfield was $1,640 a month, up "
                "from $1,472 a year earlier. Across the city as a whole, advertised rents rose 6.2 percent."
            ),
            (
                "The figures come from listings collected weekly from three of the largest lettings websites "
                "and cleaned to remove duplicates and holiday lets. The <a "
                'href="https://eastbrook-ledger.example/data/rents">full dataset and method</a> are '
                "published alongside this story."
            ),
            (
                "Much of Larchfield's rise appears to be linked to the new tram stop at Larchfield Cross, "
                "which cut journeys to the city centre to 12 minutes. Rents within a ten-minute walk of the "
                "stop rose 15 percent. Those further away rose 8 percent."
            ),
            (
                '"We see this pattern almost everywhere a new line opens," said Dr. Helena Sarr, a housing '
                'economist at the University of Eastbrook. "The benefit is priced into rents very quickly, '
                'and existing tenants end up paying for an improvement that was meant to help them."'
            ),
            (
                "The Old Quay remained the most expensive district, with a typical two-bedroom rent of "
                "$2,080, but prices there rose only 3.1 percent. The streets around Brinmoor Road in "
                "Northgate were the only area where advertised rents fell."
            ),
            (
                "The city's housing committee is due to discuss a report on rents along new tram corridors "
                "at its next meeting."
            ),
        ],
    },
    {
        "slug": "three-candidates-confirmed-mayoral-election",
        "headline": "Three candidates confirmed for Eastbrook mayoral election as nominations close",
        "dek": "Mayor Celia Brandt will face a former harbour master and a 29-year-old tenants' organiser.",
        "section": "politics",
        "authors": ["daniel-reyes-whitford"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["elections", "city council"],
        "minutes_ago": 41,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "The stone front steps of a city hall with a clock tower, a small group of people with "
                "campaign placards at the bottom"
            ),
            "caption": "Supporters of the candidates gathered outside City Hall as nominations closed.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Eastbrook's mayoral election will be a three-way contest after nominations closed at noon, "
                "with Mayor Celia Brandt seeking a second term against challengers from both flanks."
            ),
            (
                "Brandt, of the Civic Alliance, will face Robert Gunnell, a former Eastbrook harbour master "
                "standing for the Harbour & City Party, and Nadia Kessler, a 29-year-old tenants' organiser "
                "representing the Eastbrook Greens."
            ),
            (
                "The city clerk's office said all three had submitted the required 250 signatures from "
                "registered voters. A fourth would-be candidate, a Northgate property developer, withdrew "
                "last week, citing family reasons."
            ),
            (
                "Brandt said she would campaign on the Millbank Bridge repairs and the tram extension to "
                'Northgate. "People can see what has been built," she said outside City Hall. "I\'m asking '
                'for four more years to finish it."'
            ),
            (
                "Gunnell has focused on the city's finances, arguing that council borrowing has grown too "
                "quickly. Kessler has put rent controls and a city-run lettings agency at the centre of her "
                "campaign."
            ),
            (
                "Polling day is eight weeks away. The Ledger will host a debate between the candidates at "
                "the Corn Exchange, and details will be announced shortly."
            ),
        ],
    },
    {
        "slug": "council-passes-budget-property-tax-rise",
        "headline": "Council passes budget with 3.1% property tax rise after six-hour debate",
        "dek": (
            "Opposition councillors failed to strip out money for the Northgate tram extension but won extra "
            "funding for libraries."
        ),
        "section": "politics",
        "authors": ["daniel-reyes-whitford", "samuel-osei"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["budget", "city council", "transport"],
        "minutes_ago": 690,
        "updated_minutes_ago": 240,
        "excerpt": (
            "A typical Eastbrook household will pay about $58 more a year, with low-income pensioners exempt."
        ),
        "image": {
            "alt": (
                "A wood-panelled council chamber seen from the public gallery, councillors seated in a "
                "horseshoe around a raised chair"
            ),
            "caption": "The council chamber during the budget debate, which ran for more than six hours.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Eastbrook City Council approved a $612 million budget late in the evening after a six-hour "
                "debate, raising property taxes by 3.1 percent and committing the city to its largest "
                "building programme in more than a decade."
            ),
            (
                "The budget passed 8-5, with the governing Civic Alliance group supported by both "
                "independent councillors. The Harbour & City and Green groups voted against it, for very "
                "different reasons."
            ),
            (
                "For a typical Band C home, the increase amounts to about $58 a year, or just over $1.10 a "
                "week. Pensioners on the city's low-income relief scheme will be exempt."
            ),
            (
                "The largest single item is $47 million over three years for the tram extension to "
                "Northgate, including a new stop at Fennel Road. The spending has been contentious since it "
                "was first proposed, and the Harbour & City group tabled an amendment to delay it by two "
                "years."
            ),
            (
                '"We are asking residents to pay more for a tram stop most of them will never use," said '
                "Councillor Graham Pike, the group's finance spokesman. \"That is not a priority. It is a "
                'vanity project."'
            ),
            "The amendment was defeated 9-4.",
            (
                "Mayor Celia Brandt said the extension would connect about 18,000 residents to the city "
                "centre and was partly paid for by a regional transport grant that would be lost if the work "
                'were delayed. "Every year we wait, it costs more and we get less," she said.'
            ),
            (
                "The Green group, led by Councillor Imani Roche, opposed the budget because it did not go "
                "far enough on housing, but won a separate amendment restoring $1.4 million to the library "
                "service. The money reverses planned cuts to Sunday opening at four branches."
            ),
            (
                '> "Libraries are the last warm rooms in this city where nobody asks you to buy anything." '
                "— Councillor Imani Roche, leader of the Green group"
            ),
            (
                "Other measures include a 12 percent rise in the price of residents' parking permits, a new "
                "$3 million fund for repairs to council housing, and a freeze on councillors' allowances."
            ),
            (
                "The city's chief finance officer, Martin Aske, warned councillors that reserves would fall "
                "to about $21 million by the end of the year, close to the minimum he considers safe. He "
                "said the city would need to find savings of about $9 million next time unless national "
                "funding improved."
            ),
            (
                "The new tax rates take effect at the start of the financial year. Residents can see how "
                "their bill is worked out on the <a "
                'href="https://eastbrook-council.example/budget">council\'s budget page</a>.'
            ),
        ],
    },
    {
        "slug": "regional-assembly-passes-bus-franchising-law",
        "headline": "Regional assembly passes law letting cities take control of bus routes and fares",
        "dek": (
            "Eastbrook and four other cities will be able to set timetables and fares directly instead of "
            "relying on private operators."
        ),
        "section": "politics",
        "authors": [],
        "byline": "Oskar Brandvold, Northwind Wire",
        "agency": "nwa",
        "original": None,
        "tags": ["transport", "legislation"],
        "minutes_ago": 4910,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "A semicircular debating chamber with rows of blue seats, members standing to vote, and a "
                "large screen showing a tally"
            ),
            "caption": "Members of the regional assembly voted 61-38 in favour of the bill.",
            "credit": "Northwind Wire",
        },
        "body": [
            (
                "The regional assembly passed a law giving cities the power to take control of bus routes "
                "and fares, the biggest change to public transport rules in the region for 30 years."
            ),
            (
                "The Transit Franchising Act passed 61-38 after a third reading that ran past midnight. It "
                "allows the five largest cities, including Eastbrook, to award contracts for routes and set "
                "timetables and fares, rather than leaving most decisions to commercial operators."
            ),
            (
                'Transport minister Aurelia Voss said the law would "end the patchwork" of services that '
                "leaves some towns with no evening buses at all. \"Passengers don't care who owns the bus. "
                'They care whether it turns up," she told the chamber.'
            ),
            (
                "The Regional Bus Federation, which represents operators, said franchising would be "
                "expensive and warned that cities could end up carrying financial risks they were not ready "
                "for."
            ),
            (
                "Cities must publish an assessment and consult the public before taking over routes. "
                "Eastbrook's transport committee has said it will begin that process in the spring."
            ),
        ],
    },
    {
        "slug": "court-rejects-challenge-ward-boundaries",
        "headline": "High court rejects challenge to Eastbrook's new ward boundaries",
        "dek": (
            "A residents' group argued the new map split the Old Quay between three wards and diluted its "
            "vote."
        ),
        "section": "politics",
        "authors": ["jonah-feld", "daniel-reyes-whitford"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["courts", "elections", "city council"],
        "minutes_ago": 7330,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "The columned entrance of a grey stone courthouse with a small group of people talking on "
                "the steps"
            ),
            "caption": "Members of the Old Quay Residents' Forum outside the high court after the ruling.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "A high court judge has rejected a legal challenge to Eastbrook's new ward boundaries, "
                "clearing the way for the map to be used at the coming city elections."
            ),
            (
                "The Old Quay Residents' Forum had argued that the Boundary Commission's decision to divide "
                "the Old Quay between three wards was irrational and would dilute the voting power of the "
                "district's roughly 9,000 residents."
            ),
            (
                "In her written ruling, Justice Harriet Quayle said the commission had followed the "
                "statutory criteria, including keeping each ward within 10 percent of the average "
                'electorate, and that "a different map, however reasonable, is not evidence that this one '
                'is unlawful."'
            ),
            (
                'The forum\'s lawyer, Adrian Fell, said his clients were "disappointed but not surprised" '
                "and were considering an appeal, which would have to be lodged within 21 days."
            ),
            (
                "The commission redrew the city's 13 wards last year to reflect population growth in "
                "Northgate and Larchfield. The Old Quay, which had formed the core of a single ward, was "
                "divided largely along the line of the old railway embankment."
            ),
            (
                '"We lost a councillor who knew every street," said the forum\'s chair, Bernadette Coyle, '
                'outside the court. "Now we have three who each have a slice of us and a bigger slice of '
                'somewhere else."'
            ),
            (
                "The commission said in a statement that it welcomed the ruling and that the new wards would "
                "take effect for the mayoral and council elections."
            ),
        ],
    },
    {
        "slug": "larchfield-councillor-resigns-expenses-review",
        "headline": "Larchfield councillor resigns after review finds expenses claims lacked receipts",
        "dek": "",
        "section": "politics",
        "authors": ["daniel-reyes-whitford"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["city council", "elections"],
        "minutes_ago": 18_215,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": "An empty wooden council seat with a brass nameplate on the desk in front of it",
            "caption": "Dennis Harrop had represented Larchfield East for 11 years.",
            "credit": "The Eastbrook Ledger",
        },
        "body": [
            (
                "Councillor Dennis Harrop, who has represented Larchfield East for 11 years, resigned after "
                "an internal review found he had claimed $6,300 for mileage and meals without receipts or "
                "other supporting records."
            ),
            (
                'In a short statement, Harrop said he had made "administrative mistakes, not dishonest '
                "ones\" and would repay the full amount. The council's monitoring officer said the matter "
                "had not been referred to the police."
            ),
            (
                "No by-election will be held, because the seat will be contested at the city elections in "
                "under three months."
            ),
        ],
    },
    {
        "slug": "turnout-gap-richest-poorest-wards-doubles",
        "headline": "Turnout gap between Eastbrook's richest and poorest wards has doubled in a decade",
        "dek": (
            "At the last city election, 58 percent of voters in Larchfield West cast a ballot, compared with "
            "19 percent in Northgate Central."
        ),
        "section": "politics",
        "authors": ["samuel-osei"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["elections", "housing", "city council"],
        "minutes_ago": 26_480,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "A polling station sign fixed to the railings of a community centre on a grey day, with a "
                "bicycle leaning nearby"
            ),
            "caption": (
                "A polling station in Northgate Central, the ward with the lowest turnout in the city."
            ),
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Voters in Eastbrook's wealthiest wards are now three times as likely to take part in city "
                "elections as those in its poorest, according to a Ledger analysis of turnout records from "
                "the past four contests."
            ),
            (
                "At the last city election, turnout in Larchfield West, where median household income is the "
                "highest in Eastbrook, was 58 percent. In Northgate Central, where it is lowest, turnout was "
                "19 percent. A decade ago the gap between the two wards was 20 percentage points. It is now "
                "39."
            ),
            (
                "[image] Line chart showing turnout in two Eastbrook wards across four elections, one line "
                "roughly flat near 55 percent and the other falling steeply towards 20 percent | Turnout in "
                "Larchfield West and Northgate Central at the last four city elections. Source: Eastbrook "
                "city clerk."
            ),
            (
                "The analysis matched official turnout figures for each of the city's 13 wards with "
                "household income estimates from the national statistics office. Across all wards, every "
                "$10,000 increase in median income was associated with turnout about six points higher."
            ),
            (
                "Renters vote less often than homeowners almost everywhere, and Northgate Central has the "
                "highest share of private renters in Eastbrook, at 61 percent. Many move within the city "
                "every year or two and drop off the electoral register when they do."
            ),
            (
                "\"If you've moved three times in four years, you may not even know which ward you're in,\" "
                "said Yusuf Haddad, who runs a voter registration drive from a laundrette on Fairlie Street. "
                '"Nobody knocks on your door, because the parties know you probably won\'t vote."'
            ),
            (
                "The city clerk's office said that this year, for the first time, it would send registration "
                "reminders to every household where the occupants had changed in the past 12 months."
            ),
            "The deadline to register for the coming election is 26 days before polling day.",
        ],
    },
    {
        "slug": "eastbrook-votes-to-join-regional-transit-authority",
        "headline": "Eastbrook votes to join new regional transit authority after heated debate",
        "dek": (
            "Supporters say the move will bring more money for trams. Critics warn that the city will lose "
            "control of its fares."
        ),
        "section": "politics",
        "authors": ["daniel-reyes-whitford"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["transport", "city council"],
        "minutes_ago": 1_300_000,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "A modern tram in green and cream livery crossing a stone bridge over a river, with "
                "warehouses behind"
            ),
            "caption": (
                "Eastbrook's trams would come under the new authority along with buses and local rail."
            ),
            "credit": "The Eastbrook Ledger",
        },
        "body": [
            (
                "Eastbrook City Council voted to join the new Teasel Valley Transit Authority, pooling "
                "control of trams, buses and local rail services with Holloway Cross, Brinmoor and Saltmarsh "
                "Green."
            ),
            (
                "The motion passed 9-4 after a debate in which supporters argued that the city could not "
                "afford to expand its tram network on its own."
            ),
            (
                '"On our own, we will spend the next 20 years repairing what we have," said Councillor '
                'Celia Brandt, who chairs the transport committee. "Together, we can build."'
            ),
            (
                "Opponents said the authority's board, on which Eastbrook will hold four of nine seats, "
                'could overrule the city on fares and routes. Councillor Graham Pike called it "a takeover '
                'with a nicer name."'
            ),
            (
                "The authority will begin operating once the other three councils have held their own votes, "
                "which are expected within two months."
            ),
        ],
    },
    {
        "slug": "independent-wins-brinmoor-by-election",
        "headline": "Independent candidate wins Brinmoor by-election by 212 votes",
        "dek": "",
        "section": "politics",
        "authors": [],
        "byline": "Clara Hendry, Harbour News Agency",
        "agency": "hna",
        "original": None,
        "tags": ["elections", "health"],
        "minutes_ago": 33_390,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "Vote counters seated at long tables in a town hall, sorting ballot papers into piles under "
                "bright lights"
            ),
            "caption": "Ballots are counted at Brinmoor Town Hall.",
            "credit": "Harbour News Agency",
        },
        "body": [
            (
                "Independent candidate Fiona Mallory won the Brinmoor town council by-election by 212 votes, "
                "defeating the Harbour & City Party in a seat it had held for 16 years."
            ),
            (
                "Mallory, a retired primary school teacher who campaigned against plans to close the town's "
                "minor injuries unit, received 1,486 votes to 1,274 for Kevin Strachan. Turnout was 34 "
                "percent."
            ),
            (
                '"People here don\'t want to be told their hospital is a line on a spreadsheet," Mallory '
                "said after the count at Brinmoor Town Hall."
            ),
        ],
    },
    {
        "slug": "parliament-delays-winter-energy-support-vote",
        "headline": "Parliament delays vote on winter energy support scheme amid dispute over costs",
        "dek": (
            "Ministers had hoped to pass the $4.8 billion package before the first cold snap of the winter."
        ),
        "section": "politics",
        "authors": [],
        "byline": "Tobias Renner, Continental Press Service",
        "agency": "cps",
        "original": None,
        "tags": ["energy", "budget", "legislation"],
        "minutes_ago": 10_630,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "A row of gas and electricity meters on the outside wall of a block of flats, one with a "
                "prepayment card slot"
            ),
            "caption": (
                "Household energy prices have risen about 14 percent in a year, according to the regulator."
            ),
            "credit": "Continental Press Service",
        },
        "body": [
            (
                "A parliamentary vote on the government's winter energy support scheme has been postponed by "
                "at least two weeks after the independent budget office said it could not verify the plan's "
                "cost estimates."
            ),
            (
                "The $4.8 billion package would give every household a flat credit of $180 on its "
                "electricity bill over the winter months, with an extra $220 for households receiving income "
                "support."
            ),
            (
                'Finance Minister Lucien Marr said the delay was "procedural, not political" and that '
                "payments would still arrive before the end of the year if the bill passed by the new date."
            ),
            (
                "In a letter to the finance committee, the budget office said the government had not "
                "supplied data on how many households would qualify for the higher payment, making the total "
                "impossible to check."
            ),
            (
                "Opposition energy spokeswoman Katrin Alder said the delay showed the scheme had been "
                '"drawn up on the back of an envelope." Consumer groups urged lawmakers not to let the '
                "dispute hold up help for the poorest households."
            ),
            (
                "Household energy prices have risen by about 14 percent over the past year, according to the "
                "national energy regulator."
            ),
        ],
    },
    {
        "slug": "holloway-cross-pauses-brinmoor-merger",
        "headline": "Holloway Cross pauses plan to merge council services with Brinmoor",
        "dek": (
            "Councillors want an independent review after the expected savings were revised down by more "
            "than half."
        ),
        "section": "politics",
        "authors": [],
        "byline": "Ewan Carrick, Valley Gazette",
        "agency": None,
        "original": ("Valley Gazette", "https://valleygazette.example/politics/holloway-cross-merger-paused"),
        "tags": ["city council", "budget"],
        "minutes_ago": 44_760,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": "A small market-town council office with a flag on the roof and bicycles parked outside",
            "caption": "Holloway Cross Town Council's offices on Market Street.",
            "credit": "Valley Gazette",
        },
        "body": [
            (
                "Holloway Cross Town Council has paused plans to merge its back-office services with "
                "neighbouring Brinmoor after a revised business case cut the expected savings from $1.2 "
                "million a year to $520,000."
            ),
            (
                "Councillors voted unanimously to commission an independent review before making any further "
                "decisions. The merger would have combined payroll, IT, planning and waste collection for "
                "the two towns under a single management team."
            ),
            (
                '"The original figures were the reason we agreed to look at this," said council leader '
                "Harold Beeston. \"Now those figures have halved, and I want someone who doesn't work for "
                'either council to tell us why."'
            ),
            (
                "Brinmoor's council leader, Janet Okoro, said she was disappointed but respected the "
                "decision. Her council approved the merger in principle earlier this year."
            ),
            "The review is expected to take about four months.",
        ],
    },
    {
        "slug": "port-of-eastbrook-record-container-volumes",
        "headline": "Port of Eastbrook handles record container volumes as deepwater berth opens",
        "dek": (
            "Traffic through the port rose 9 percent in the latest quarter, helped by a shipping line moving "
            "two services to the city."
        ),
        "section": "business",
        "authors": ["ingrid-solberg"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["trade", "economy", "jobs", "harbour"],
        "minutes_ago": 110,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "Tall blue ship-to-shore cranes unloading a large container ship at a quay, with stacks of "
                "coloured containers in the foreground"
            ),
            "caption": "A container ship at the extended Teasel Quay, which opened this year.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "The Port of Eastbrook handled more containers in the past three months than in any quarter "
                "in its 140-year history, as the first large ships began using the new deepwater berth at "
                "the extended Teasel Quay."
            ),
            (
                "The port moved 118,400 twenty-foot equivalent units, the standard measure of container "
                "traffic, up 9 percent from the same period a year earlier, according to Eastbrook Harbour "
                "Authority figures."
            ),
            (
                "Much of the growth came from Halvard Line, which moved two weekly services to Eastbrook "
                "this year. The new berth, which cost $96 million, allows ships carrying up to 14,000 "
                "containers to dock at any state of the tide."
            ),
            (
                '"For 20 years the biggest ships sailed straight past us," said the harbour authority\'s '
                'chief executive, Marguerite Dolan. "Now they stop."'
            ),
            (
                "The port employs about 1,900 people directly. Dolan said it expected to hire another 140 "
                "crane operators, lashers and planners over the next year."
            ),
            (
                "The Dockers' Union has raised concerns about shift patterns at the new quay and said it was "
                "in talks with the authority about overtime rules."
            ),
        ],
    },
    {
        "slug": "millbank-brewing-sold-to-ashcombe",
        "headline": "Millbank Brewing sold to national drinks group in $34 million deal",
        "dek": (
            "The founders say the brewery will stay in Eastbrook, and its 40 staff have been promised no job "
            "losses for three years."
        ),
        "section": "business",
        "authors": ["ingrid-solberg"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["economy", "small business", "jobs"],
        "minutes_ago": 3705,
        "updated_minutes_ago": None,
        "excerpt": (
            "The sale ends 14 years of independence for one of the best-known employers on the Millbank "
            "waterfront."
        ),
        "image": {
            "alt": (
                "Rows of stainless steel fermentation tanks inside a brick railway arch, with a brewer "
                "checking a gauge"
            ),
            "caption": "Millbank Brewing's brewhouse in a converted railway arch.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Millbank Brewing, the Eastbrook brewer behind Quayside Pale and Teasel Stout, has been sold "
                "to the Ashcombe Drinks Group for $34 million, the companies said."
            ),
            (
                "Nell and Grant Ostrowski started the brewery 14 years ago in a railway arch, using "
                "equipment bought from a brewpub that was closing down. It now employs 40 people and its "
                "beers are sold in about 1,100 pubs and shops."
            ),
            (
                "Ashcombe said it would keep brewing at the Millbank site and had guaranteed the jobs of all "
                "current staff for at least three years. The Ostrowskis will stay on as joint managing "
                "directors for two years."
            ),
            (
                '"We could either keep growing slowly and wait for one bad year to break us, or find '
                'someone with a distribution network who would let us keep brewing the way we brew," Nell '
                "Ostrowski said."
            ),
            (
                "Some regulars were less enthusiastic. \"It'll taste the same for a year, then they'll "
                "change something,\" said Phil Garrity, drinking in the brewery's tap room."
            ),
            "The deal is subject to approval by the competition regulator.",
        ],
    },
    {
        "slug": "teasel-marine-wins-electric-ferry-contract",
        "headline": "Teasel Marine wins contract to build two electric ferries for the estuary crossing",
        "dek": (
            "The $52 million order is the Eastbrook yard's largest in 15 years and will secure about 300 "
            "jobs."
        ),
        "section": "business",
        "authors": ["ingrid-solberg"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["jobs", "transport", "energy"],
        "minutes_ago": 14_120,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "A partly built steel ship hull inside a vast shipbuilding shed, with welders working on "
                "scaffolding"
            ),
            "caption": "The Teasel Marine yard is the last shipbuilder on the Eastbrook waterfront.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Teasel Marine, the last shipbuilder on the Eastbrook waterfront, has won a $52 million "
                "contract to build two battery-electric ferries for the crossing between the Old Quay and "
                "Saltmarsh Green."
            ),
            (
                "Each ferry is designed to carry 300 passengers and 40 cars, and will replace a diesel "
                "vessel that has been in service for 31 years. The new boats will recharge at both terminals "
                "during their turnaround."
            ),
            (
                "The Teasel Valley Transit Authority, which runs the route, said the ferries would cut its "
                "fuel and maintenance costs by about $1.8 million a year."
            ),
            (
                "Yard director Callum Brierley said the order would keep the company's 300 workers busy for "
                'at least three years and allow it to take on 24 apprentices. "This is the order we '
                'needed," he said.'
            ),
            (
                "Steel cutting for the first ferry is expected to start in the spring, with delivery two "
                "years later."
            ),
        ],
    },
    {
        "slug": "central-bank-holds-rates-signals-cut",
        "headline": "Central bank holds interest rates at 3.25% but signals a cut is likely next year",
        "dek": (
            "Policymakers voted 6-3 to keep borrowing costs unchanged, with three members backing an "
            "immediate reduction."
        ),
        "section": "business",
        "authors": [],
        "byline": "Ilse Varnholt, Continental Press Service",
        "agency": "cps",
        "original": None,
        "tags": ["economy", "housing"],
        "minutes_ago": 1100,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "The neoclassical facade of a central bank building with tall columns, a few pedestrians "
                "passing in front"
            ),
            "caption": "The central bank's next decision is due in six weeks.",
            "credit": "Continental Press Service",
        },
        "body": [
            (
                "The national central bank held its main interest rate at 3.25 percent, but said in its "
                'policy statement that inflation was falling fast enough for a cut to be "likely in the '
                'first half of next year."'
            ),
            (
                "The monetary policy committee voted 6-3 to leave rates unchanged. The three dissenting "
                "members favoured a quarter-point cut."
            ),
            (
                "Governor Anselm Drake told reporters that the bank wanted more evidence that wage growth "
                'was slowing before it moved. "We are close. We are not there," he said.'
            ),
            (
                "Inflation fell to 2.8 percent last month, the lowest in nearly three years, but prices for "
                "services, which are closely linked to wages, are still rising by more than 4 percent a year."
            ),
            (
                "Lenders have already begun cutting fixed mortgage rates in anticipation of lower borrowing "
                "costs. The average two-year fixed rate is 4.6 percent, down from 5.3 percent six months "
                "ago, according to the Mortgage Lenders' Council."
            ),
        ],
    },
    {
        "slug": "millbank-road-empty-shops-six-year-low",
        "headline": "Empty shop units on Millbank Road fall to their lowest level in six years",
        "dek": (
            "Independent cafes and repair shops have filled units left behind by national chains, a Ledger "
            "survey found."
        ),
        "section": "business",
        "authors": ["samuel-osei", "rosa-lindqvist"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["small business", "economy"],
        "minutes_ago": 19_880,
        "updated_minutes_ago": None,
        "excerpt": (
            "Eleven of the 14 new tenants are Eastbrook businesses, and four of them repair things rather "
            "than sell them."
        ),
        "image": {
            "alt": (
                "A narrow high street of Victorian shopfronts with cafe tables on the pavement and a bicycle "
                "repair shop with its door open"
            ),
            "caption": "Millbank Road, where only nine of 112 shop units are now empty.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Only nine of the 112 ground-floor shop units on Millbank Road are now vacant, the lowest "
                "number since the Ledger began counting them six years ago."
            ),
            (
                "Reporters walked the length of the street last week and recorded the occupant of every "
                "unit, repeating a survey the paper carries out each year. Last year, 23 units stood empty."
            ),
            (
                "Of the 14 businesses that moved in over the past year, 11 are based in Eastbrook. They "
                "include two cafes, a bicycle workshop, a phone and laptop repair shop, a tailor offering "
                "alterations and a children's bookshop."
            ),
            (
                '"The chains left because the rents were too high for what they were selling," said '
                "Lorraine Achebe, who opened Mended, a clothing repair shop, in a former bank branch in the "
                'spring. "Landlords have had to become more realistic."'
            ),
            (
                "Achebe said her landlord had agreed to a rent about 40 percent lower than the previous "
                "tenant paid, with six months rent-free."
            ),
            (
                "The Millbank Traders' Group warned that the coming closure of Millbank Bridge could undo "
                "some of that progress, and has asked the council for a business rates discount while the "
                "work takes place."
            ),
        ],
    },
    {
        "slug": "saltmarsh-green-divided-over-blade-factory",
        "headline": "Wind turbine factory promises 600 jobs, but Saltmarsh Green is divided",
        "dek": (
            "Plans for a blade plant on the estuary have split a village that has spent decades watching "
            "industry leave."
        ),
        "section": "business",
        "authors": ["ingrid-solberg", "priya-natarajan"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["energy", "jobs", "climate", "teasel estuary"],
        "minutes_ago": 28_810,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "A low sea wall running along the edge of flat grassland, with a derelict brick pumping "
                "station and an estuary beyond"
            ),
            "caption": "The proposed factory site, seen from the sea wall at Saltmarsh Green.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "From the sea wall at Saltmarsh Green, the flat reclaimed land where Northmark Renewables "
                "wants to build a blade factory looks much as it has for 40 years: rough grazing, a drainage "
                "ditch and a derelict pumping station."
            ),
            (
                "Northmark, a wind energy manufacturer, has applied for permission to build a 34-hectare "
                "plant on the site to make blades up to 115 metres long for offshore turbines. The company "
                "says the factory would employ 600 people at full capacity, almost as many as the village's "
                "entire working-age population."
            ),
            (
                "[image] Aerial view of flat green fields beside a grey estuary, with a small village of "
                "red-roofed houses in the distance | The proposed site lies between the village and the "
                "Teasel estuary, on land reclaimed from the marsh in the 1950s."
            ),
            (
                "It would be the largest industrial investment on the estuary since the closure of the "
                "Teasel chemical works, which employed 1,100 people at its peak and shut more than 25 years "
                "ago."
            ),
            (
                '"My father worked at the chemical works and my grandfather before him," said Alan Price, '
                '61, who runs a boatyard at the edge of the village. "When it closed, the young people '
                "left, and most of them never came back. I'd like my grandchildren to have a reason to "
                'stay."'
            ),
            (
                "Others worry about the scale of the buildings, which would be up to 38 metres tall, and the "
                "heavy lorries needed during construction. A petition against the plans has 740 signatures, "
                "in a village of about 1,500 people."
            ),
            (
                '"Nobody here is against wind power," said Judith Marrable, a retired family doctor who '
                "helped organise the petition. \"We're against a building the height of a cathedral at the "
                'end of our gardens. They could put it on the port land at Eastbrook, where it belongs."'
            ),
            (
                "Northmark says the sites at the Port of Eastbrook are too small and that blades of this "
                "length must be loaded straight onto ships from a dedicated quay, which the company would "
                "build on the estuary. Environmental groups have asked for a full assessment of the quay's "
                "effect on the mudflats, which are used by about 12,000 wintering wading birds."
            ),
            (
                "The company has offered to pay for a new village hall, a bus link to Eastbrook and a "
                "training centre at Eastbrook College, where it says it would train at least 80 apprentices "
                "a year."
            ),
            (
                "The planning committee of Teasel District Council is expected to decide on the application "
                "early next year. A public consultation runs for another four weeks on the <a "
                'href="https://teasel-district.example/planning/northmark">district council\'s planning '
                "portal</a>."
            ),
        ],
    },
    {
        "slug": "saltmarsh-fishing-cooperative-opens-cold-store",
        "headline": "Saltmarsh fishing co-operative opens cold store to sell direct to restaurants",
        "dek": (
            "The $1.3 million building lets boats freeze and hold their catch instead of selling it at the "
            "morning auction."
        ),
        "section": "business",
        "authors": [],
        "byline": "Bethan Quilliam, The Coastline Review",
        "agency": None,
        "original": (
            "The Coastline Review",
            "https://coastline-review.example/business/fishing-cooperative-cold-store",
        ),
        "tags": ["trade", "small business", "harbour"],
        "minutes_ago": 37_190,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "Small fishing boats moored against a harbour wall next to a new timber-clad building with a "
                "roller door"
            ),
            "caption": "The co-operative's cold store on the harbour at Saltmarsh Green.",
            "credit": "The Coastline Review",
        },
        "body": [
            (
                "A co-operative of 18 small fishing boats based at Saltmarsh Green has opened a cold store "
                "on the harbour, allowing its members to freeze and hold their catch and sell it directly to "
                "restaurants and shops."
            ),
            (
                "The $1.3 million building, paid for partly by a coastal communities grant, can hold up to "
                "90 tonnes of fish and shellfish. Until now the boats have had to sell most of their catch "
                "at the Eastbrook auction within hours of landing, often for low prices when supply was high."
            ),
            (
                '"When everyone lands crab on the same morning, the price falls through the floor," said '
                "the co-operative's chairman, Ifan Gower, who has fished from Saltmarsh Green for 35 years. "
                '"Now we can wait."'
            ),
            (
                "The co-operative has signed supply agreements with 22 restaurants in Eastbrook and Holloway "
                "Cross and plans to open a small shop on the quay."
            ),
        ],
    },
    {
        "slug": "freight-operator-adds-overnight-rail-service",
        "headline": "Freight operator to run nightly container train between Eastbrook port and inland depot",
        "dek": "",
        "section": "business",
        "authors": ["ingrid-solberg"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["trade", "transport"],
        "minutes_ago": 24_730,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "A long freight train of stacked shipping containers pulled by a diesel locomotive past a "
                "signal box at dusk"
            ),
            "caption": "The new service will run between the port and Carrow Junction.",
            "credit": "The Eastbrook Ledger",
        },
        "body": [
            (
                "Rail freight company Meridian Freightways will run a nightly container train between the "
                "Port of Eastbrook and its inland terminal at Carrow Junction from early next year, taking "
                "an estimated 19,000 lorry journeys a year off the Teasel Valley road."
            ),
            (
                "The company said the service would carry up to 44 containers a night and that it had "
                "already signed up customers for about two-thirds of the space, including two supermarket "
                "chains."
            ),
        ],
    },
    {
        "slug": "corrans-bakery-to-close-two-shops",
        "headline": "Corran's Bakery to close two Larchfield shops, blaming energy and flour costs",
        "dek": "",
        "section": "business",
        "authors": ["ingrid-solberg"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["small business", "energy", "economy"],
        "minutes_ago": 43_620,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "A corner bakery shopfront with a striped awning and bread loaves displayed on wooden "
                "shelves in the window"
            ),
            "caption": "Corran's branch on Larchfield Parade will close at the end of the month.",
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "Corran's, the family bakery chain that has traded in Eastbrook since the 1960s, will close "
                "its shops on Larchfield Parade and Willow Street at the end of the month, leaving it with "
                "four branches."
            ),
            (
                "Managing director Fergus Corran said the company's gas bill for its ovens had nearly "
                "doubled in two years and flour prices had risen by a quarter. \"We can't charge four "
                'dollars for a loaf and still call ourselves a neighbourhood bakery," he said.'
            ),
            (
                "The 11 staff at the two shops have been offered jobs at other branches or at the central "
                "bakery in Millbank."
            ),
        ],
    },
    {
        "slug": "inflation-eases-as-food-fuel-prices-steady",
        "headline": "Inflation eases to 2.8% as food and fuel prices steady",
        "dek": (
            "The annual rate has fallen for a fourth month in a row, strengthening the case for lower "
            "interest rates."
        ),
        "section": "business",
        "authors": [],
        "byline": "Clara Hendry, Harbour News Agency",
        "agency": "hna",
        "original": None,
        "tags": ["economy", "energy"],
        "minutes_ago": 9810,
        "updated_minutes_ago": 9230,
        "excerpt": "",
        "image": {
            "alt": (
                "A supermarket aisle with shelves of bread and pasta and yellow price labels, a shopper's "
                "trolley at the end of the row"
            ),
            "caption": (
                "Food prices rose 2.2 percent over the year, down from a peak of more than 11 percent."
            ),
            "credit": "Harbour News Agency",
        },
        "body": [
            (
                "Consumer price inflation fell to 2.8 percent last month from 3.1 percent the month before, "
                "the national statistics office said, the lowest rate in nearly three years."
            ),
            (
                "Food prices rose 2.2 percent over the year, down from a peak of more than 11 percent. Motor "
                "fuel was 4 percent cheaper than a year earlier."
            ),
            (
                "Services inflation, which the central bank watches closely as a sign of domestic price "
                "pressure, eased only slightly, to 4.3 percent."
            ),
            (
                '"The headline number is good news, but the detail tells you the job isn\'t finished," said '
                "Romy Falk, chief economist at Alderbank Securities."
            ),
            "Economists polled by Harbour News Agency had expected a rate of 2.9 percent.",
        ],
    },
    {
        "slug": "kestmark-coalition-loses-majority-snap-election",
        "headline": "Kestmark's governing coalition loses its majority in snap election",
        "dek": (
            "Prime Minister Edvard Holm will need the support of a farmers' party that campaigned against "
            "his fuel tax."
        ),
        "section": "world",
        "authors": [],
        "byline": "Sven Aaltonen, Northwind Wire",
        "agency": "nwa",
        "original": None,
        "tags": ["elections", "energy"],
        "minutes_ago": 4320,
        "updated_minutes_ago": 3905,
        "excerpt": "",
        "image": {
            "alt": (
                "A crowded election night hall with supporters waving small flags beneath a large screen "
                "showing seat projections"
            ),
            "caption": "Supporters of the Landfolk Party celebrate as results come in.",
            "credit": "Northwind Wire",
        },
        "body": [
            (
                "Kestmark's governing Unity coalition has lost its parliamentary majority in a snap "
                "election, leaving Prime Minister Edvard Holm dependent on a rural party that campaigned "
                "against his fuel tax."
            ),
            (
                "Unity won 79 of the 165 seats in the National Chamber, down from 88. The opposition Labour "
                "Alliance won 61 seats, up from 57."
            ),
            (
                "The Landfolk Party, which draws most of its support from farming districts in the north, "
                "more than doubled its seats to 17, making it the likely kingmaker."
            ),
            (
                "Landfolk leader Ingeborg Saari said her party would not support any government that kept "
                'the fuel tax increase passed last year. "Our voters drive 80 kilometres to see a doctor. '
                'They are not a piggy bank," she told supporters.'
            ),
            (
                'Holm said he would open talks with all parties "that respect the result and the budget '
                'rules." Turnout was 74 percent, the highest in two decades.'
            ),
            (
                "Final results published by the electoral commission after postal ballots were counted "
                "confirmed the seat totals."
            ),
        ],
    },
    {
        "slug": "cyclone-adela-makes-landfall-merrow-islands",
        "headline": "Cyclone makes landfall in the Merrow Islands, forcing thousands from coastal villages",
        "dek": (
            "Cyclone Adela brought winds of up to 190 kilometres an hour to the archipelago's main island, "
            "officials said."
        ),
        "section": "world",
        "authors": [],
        "byline": "Maren Duquesne, Continental Press Service",
        "agency": "cps",
        "original": None,
        "tags": ["climate", "disasters"],
        "minutes_ago": 18,
        "updated_minutes_ago": 5,
        "excerpt": "",
        "image": {
            "alt": (
                "Palm trees bent by strong wind along a seafront road, with waves breaking over a low wall "
                "under dark clouds"
            ),
            "caption": "Waves break over the seafront in Port Callan as Cyclone Adela approaches.",
            "credit": "Continental Press Service",
        },
        "body": [
            (
                "Cyclone Adela made landfall on the main island of the Merrow Islands with winds of up to "
                "190 kilometres an hour, forcing about 14,000 people to leave coastal villages, the islands' "
                "disaster management office said."
            ),
            (
                "Power was cut to most of the capital, Port Callan, and the international airport was "
                "closed. There were no immediate reports of deaths."
            ),
            (
                "The storm is forecast to weaken as it moves north-west over open water in the next 24 "
                "hours, the regional weather centre said, but it warned of storm surges of up to 3 metres "
                "along the northern coast."
            ),
            (
                "The Merrow Islands, home to about 180,000 people, have been struck by two other severe "
                "cyclones in the past six years. Scientists have linked the growing intensity of storms in "
                "the region to warmer sea temperatures."
            ),
        ],
    },
    {
        "slug": "continental-union-aldora-resume-trade-talks",
        "headline": "Continental Union and Aldora resume trade talks after 18-month pause",
        "dek": (
            "Negotiators will try to settle a dispute over farm tariffs that has held up a deal covering $60 "
            "billion a year in trade."
        ),
        "section": "world",
        "authors": ["tomas-albescu"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["trade", "economy"],
        "minutes_ago": 1750,
        "updated_minutes_ago": None,
        "excerpt": (
            "For the Port of Eastbrook, one of the main gateways for Aldoran grain, the outcome matters more "
            "than most."
        ),
        "image": {
            "alt": (
                "Two rows of negotiators facing each other across a long polished table with small national "
                "flags and water glasses"
            ),
            "caption": "Union and Aldoran negotiators at their last round of talks, before the pause.",
            "credit": "Continental Press Service",
        },
        "body": [
            (
                "Trade negotiators from the Continental Union and Aldora will meet in the Aldoran capital, "
                "Vessa, next week for their first formal talks in 18 months, reviving efforts to agree a "
                "free trade deal that has been under discussion for nearly a decade."
            ),
            (
                "The talks broke down over Aldora's demand for tariff-free access for its beef and grain, "
                "which farm groups in several Union member states said would undercut their own producers."
            ),
            (
                "The Union's trade commissioner, Marisa Delacroix, said both sides had \"done their "
                'homework" during the pause. "Nobody is coming back to the table to have the same argument '
                'again," she said.'
            ),
            (
                "Aldora's trade minister, Joaquin Ferrante, said his government was prepared to accept "
                "quotas on beef in exchange for faster tariff cuts on its wine and fruit."
            ),
            (
                "The agreement would cover trade worth about $60 billion a year. Business groups on both "
                "sides have pushed for a deal, pointing to the growing share of Aldoran exports going to "
                "other markets."
            ),
            (
                "The Port of Eastbrook is one of the largest entry points for Aldoran grain into the Union. "
                "Harbour authority figures show it handled 2.3 million tonnes of Aldoran wheat and maize "
                "last year."
            ),
            (
                '"A deal would be good for us, no question," said Marguerite Dolan, the harbour '
                "authority's chief executive. \"But we've heard 'next week' about this agreement before.\""
            ),
        ],
    },
    {
        "slug": "valtenia-drought-cuts-wheat-harvest",
        "headline": "Drought in Valtenia cuts wheat harvest by a third, pushing up bread prices",
        "dek": "The government has banned grain exports until the spring to protect domestic supplies.",
        "section": "world",
        "authors": ["tomas-albescu"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["climate", "trade", "economy"],
        "minutes_ago": 11_880,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "A combine harvester working a thin, patchy wheat field under a pale hazy sky, dust trailing "
                "behind it"
            ),
            "caption": (
                "Harvesting in southern Valtenia, where some farms reported less than half their usual "
                "yields."
            ),
            "credit": "Harbour News Agency",
        },
        "body": [
            (
                "Valtenia's wheat harvest has fallen by about a third after the driest growing season on "
                "record, the country's agriculture ministry said, prompting the government to ban grain "
                "exports until the spring."
            ),
            (
                "The ministry put the harvest at 6.1 million tonnes, down from an average of 9.2 million "
                "over the previous five years. On the southern plains, where most of the country's wheat is "
                "grown, some farms reported yields of less than half the usual amount."
            ),
            (
                "[image] Dry, cracked soil in a field of stunted pale wheat, with a grain silo on the "
                "horizon | A wheat field near Calvara in southern Valtenia."
            ),
            (
                "Valtenia is one of the largest wheat exporters in the region, and the ban has already "
                "pushed up prices on regional commodity markets. Benchmark wheat futures rose 7 percent in "
                "the two days after the announcement."
            ),
            (
                "Bread prices in the capital, Dunmara, have risen by about 15 percent in three months, "
                "according to consumer groups. The government said it would release grain from state "
                "reserves to bakeries at fixed prices."
            ),
            (
                '"There was no proper rain from late spring until harvest. Not one decent day," said '
                'Radomir Vesely, who farms 400 hectares near Calvara. "I have been farming for 30 years. I '
                'have never seen the ground like this."'
            ),
            (
                "Meteorologists at Valtenia's National Climate Institute said summers in the region had "
                "become hotter and drier over the past three decades, making back-to-back droughts more "
                "likely."
            ),
        ],
    },
    {
        "slug": "tarsland-valtenia-agree-border-mediation",
        "headline": "Tarsland and Valtenia agree to mediation over disputed river border",
        "dek": (
            "Three retired judges will decide where the frontier runs along the Orra, a river that has "
            "shifted course since the border was drawn."
        ),
        "section": "world",
        "authors": [],
        "byline": "Piet Roggeveen, Harbour News Agency",
        "agency": "hna",
        "original": None,
        "tags": ["diplomacy", "courts"],
        "minutes_ago": 21_690,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": "A wide, braided river winding through flat wetland and farmland, seen from the air",
            "caption": (
                "The Orra river has moved by as much as 2 kilometres in places since the border was drawn."
            ),
            "credit": "Harbour News Agency",
        },
        "body": [
            (
                "Tarsland and Valtenia have agreed to international mediation to settle a long-running "
                "dispute over their border along the Orra river, whose course has shifted by as much as 2 "
                "kilometres in places since the frontier was drawn."
            ),
            (
                "The two countries' foreign ministers signed the agreement at a meeting hosted by the "
                "Continental Union in Lenholm. Each side will nominate one retired judge, and those two will "
                "jointly choose a third."
            ),
            (
                "The dispute centres on about 40 square kilometres of farmland and wetland that now lie on "
                "the Tarsland side of the river but were assigned to Valtenia by a 19th-century treaty. "
                "Farmers on both sides have been drawn into arguments over grazing rights and water."
            ),
            (
                '"This is the adult way to settle a disagreement between neighbours," said Valtenia\'s '
                "foreign minister, Danica Horvat. Her Tarsland counterpart, Emil Strand, said his government "
                'would "accept the panel\'s ruling, whatever it is."'
            ),
            "The panel is expected to report within 18 months.",
        ],
    },
    {
        "slug": "aldora-serra-dam-divides-neighbours",
        "headline": "On Aldora's Serra river, a dam that promises clean power is dividing neighbours",
        "dek": (
            "The Alto Serra project would supply electricity to two million homes. It would also flood 14 "
            "villages."
        ),
        "section": "world",
        "authors": ["tomas-albescu", "rosa-lindqvist"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["energy", "climate", "courts"],
        "minutes_ago": 34_580,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "An elderly woman standing in the doorway of a stone house on a steep village lane, looking "
                "down towards a river valley"
            ),
            "caption": (
                "Pilar Ortega outside her house in Santa Irene, one of the villages that would be flooded."
            ),
            "credit": "Rosa Lindqvist/The Eastbrook Ledger",
        },
        "body": [
            (
                "In the village of Santa Irene, the church bell still rings at seven every morning, though "
                "the priest now comes only twice a month. If the Aldoran government has its way, within six "
                "years the bell tower will be under 40 metres of water."
            ),
            (
                "Santa Irene is one of 14 villages in the Serra valley that would be flooded by the Alto "
                "Serra dam, a 160-metre concrete wall that the government says would generate 1,800 "
                "megawatts of electricity, enough for about two million homes, and end the country's "
                "dependence on imported gas."
            ),
            (
                "About 9,000 people would have to move. The government has promised each household a new "
                "house in one of three purpose-built towns on higher ground, plus compensation for land and "
                "lost income."
            ),
            (
                "[image] An old stone church and a cluster of terracotta-roofed houses at the bottom of a "
                "steep green valley, with a river running past | Santa Irene sits on a bend of the Serra "
                "river, about 40 metres below the planned waterline."
            ),
            (
                "For some residents, the offer is welcome. Many of the valley's young people left long ago "
                "for the cities, and the villages are ageing. In Santa Irene, 61 of the 212 registered "
                "residents are over 75."
            ),
            (
                '"My children live in Vessa. My house is too big, the roof leaks, and the road is closed '
                'every winter," said Pilar Ortega, 68, a retired schoolteacher. "They are offering me a '
                "new house near a hospital. I know what some of my neighbours think of me, but I'm going to "
                'take it."'
            ),
            (
                "Others say no amount of money can replace land their families have farmed for generations. "
                "A residents' association, Serra Viva, has collected more than 40,000 signatures and filed a "
                "legal challenge arguing that the environmental assessment ignored the dam's effect on the "
                "river's estuary, 300 kilometres downstream."
            ),
            (
                '> "They talk about megawatts. We talk about where our parents are buried." — Xavier '
                "Monteiro, spokesman for Serra Viva"
            ),
            (
                "Aldora's energy minister, Beatriz Lemos, told the Ledger that the project had been "
                "redesigned twice to reduce the area flooded and that cemeteries would be moved only with "
                'the consent of families. "There is no way to build clean power at this scale without '
                'asking something of someone," she said. "We have tried to ask as little as possible, and '
                'to pay fairly."'
            ),
            (
                "Independent engineers have raised other questions. A study by the University of Vessa found "
                "that lower rainfall in the Serra basin over the past two decades could mean the dam "
                "produces up to 25 percent less electricity than forecast."
            ),
            (
                "The project matters beyond Aldora. The Continental Union has signalled that it would buy "
                "surplus power through a planned undersea cable, and an Eastbrook engineering firm, Harland "
                "Pryce, is among the companies bidding to design the turbine halls."
            ),
            (
                "A ruling on Serra Viva's challenge is expected early next year. Until then, preparatory "
                "road building in the valley has been suspended."
            ),
            (
                'In Santa Irene, Ortega has already started sorting her belongings into boxes. "Some days I '
                'pack, some days I unpack," she said. "The river doesn\'t care either way."'
            ),
        ],
    },
    {
        "slug": "earthquake-strikes-northern-tarsland",
        "headline": "Magnitude 5.9 earthquake strikes northern Tarsland; no deaths reported",
        "dek": "",
        "section": "world",
        "authors": [],
        "byline": "Oskar Brandvold, Northwind Wire",
        "agency": "nwa",
        "original": None,
        "tags": ["disasters", "infrastructure"],
        "minutes_ago": 200,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "Fallen roof tiles and bricks scattered across a narrow mountain town street, with residents "
                "standing in doorways"
            ),
            "caption": "Damage in a street in Hallen after the earthquake.",
            "credit": "Northwind Wire",
        },
        "body": [
            (
                "An earthquake of magnitude 5.9 struck northern Tarsland, damaging older buildings in "
                "several mountain towns and briefly cutting power to about 30,000 homes, the national "
                "seismology service said."
            ),
            (
                "The quake was centred about 25 kilometres south-east of the town of Hallen at a depth of 12 "
                "kilometres. Emergency services said 11 people had been treated in hospital for minor "
                "injuries. No deaths have been reported."
            ),
            (
                "Rail services between Hallen and the capital, Kaarsberg, were suspended while engineers "
                "inspected bridges and tunnels."
            ),
        ],
    },
    {
        "slug": "union-agrees-single-cross-border-rail-ticket",
        "headline": "Continental Union ministers agree single rail ticket for cross-border journeys",
        "dek": (
            "Passengers who miss a connection because of a delay will be guaranteed a seat on the next train "
            "at no extra cost."
        ),
        "section": "world",
        "authors": [],
        "byline": "Tobias Renner, Continental Press Service",
        "agency": "cps",
        "original": None,
        "tags": ["transport", "legislation", "diplomacy"],
        "minutes_ago": 16_930,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "A busy railway station concourse with a large departure board listing international "
                "destinations"
            ),
            "caption": (
                "Rail companies will have to share fare and timetable data through a common booking system."
            ),
            "credit": "Continental Press Service",
        },
        "body": [
            (
                "Transport ministers of the Continental Union agreed rules that will let passengers buy a "
                "single ticket for train journeys crossing several member states, with a right to be "
                "rebooked if they miss a connection because of a delay."
            ),
            (
                "Under the agreement, rail companies will have to share timetable and fare data through a "
                "common booking system within three years. Passengers who miss a connection on a through "
                "ticket will be entitled to travel on the next available train at no extra cost and to "
                "compensation for long delays."
            ),
            (
                '"Today, if your first train is late, your second ticket is worthless. That ends," said '
                "the Union's transport commissioner, Henrik Lasko."
            ),
            (
                'The Union\'s association of rail operators called the timetable "ambitious" and said some '
                "national booking systems would need to be rebuilt."
            ),
            (
                "The rules still need the approval of the Union's parliament, which is expected to vote on "
                "them in the spring."
            ),
        ],
    },
    {
        "slug": "eastbrook-lindhaven-harbour-clean-up-pact",
        "headline": "Eastbrook and twin city Lindhaven sign pact to share harbour clean-up expertise",
        "dek": (
            "Engineers from the two ports will swap staff and data on dredging, pollution and flood defences "
            "for five years."
        ),
        "section": "world",
        "authors": ["tomas-albescu"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["climate", "flooding", "city council", "harbour"],
        "minutes_ago": 47_310,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "Two mayors in dark coats shaking hands in a wood-panelled city hall, with a harbour visible "
                "through tall windows"
            ),
            "caption": "Mayor Celia Brandt and Lindhaven's mayor, Jorunn Vik, at the signing.",
            "credit": "The Eastbrook Ledger",
        },
        "body": [
            (
                "Eastbrook has signed a five-year agreement with its twin city of Lindhaven in Kestmark to "
                "share expertise on cleaning up polluted harbour sediment and protecting waterfronts from "
                "flooding."
            ),
            (
                "The pact was signed at Lindhaven city hall by Mayor Celia Brandt and Lindhaven's mayor, "
                "Jorunn Vik. It covers staff exchanges between the two cities' harbour and engineering "
                "departments and joint applications for Union research funding."
            ),
            (
                "Lindhaven removed about 800,000 cubic metres of contaminated mud from its inner harbour "
                "over the past decade, work that Eastbrook's harbour authority wants to learn from as it "
                "prepares to dredge the Old Quay basin."
            ),
            (
                '"They have made every mistake already, and they wrote them all down," Brandt said. '
                '"That\'s the most useful thing one city can give another."'
            ),
            (
                "The two cities have been twinned since the 1960s. A delegation from Lindhaven is due to "
                "visit the Teasel barrier next spring."
            ),
        ],
    },
    {
        "slug": "kestmark-junior-doctors-strike",
        "headline": "Junior doctors in Kestmark begin five-day strike over pay and rotas",
        "dek": "",
        "section": "world",
        "authors": ["tomas-albescu"],
        "byline": "",
        "agency": None,
        "original": None,
        "tags": ["health", "economy"],
        "minutes_ago": 6090,
        "updated_minutes_ago": None,
        "excerpt": "",
        "image": {
            "alt": (
                "Doctors in scrubs and winter coats holding hand-painted placards on the pavement outside a "
                "large hospital entrance"
            ),
            "caption": "Junior doctors on a picket line outside a hospital in Lindhaven.",
            "credit": "Northwind Wire",
        },
        "body": [
            (
                "Thousands of junior doctors in Kestmark began a five-day strike, their third walkout this "
                "year, after talks with the health ministry over pay and working hours collapsed."
            ),
            (
                "Hospitals postponed about 22,000 planned operations and appointments, the ministry said. "
                "Emergency and maternity care is being covered by senior doctors."
            ),
            (
                "The Kestmark Medical Association is seeking a 12 percent pay rise and a cap on average "
                "working hours of 48 a week. The government has offered 5 percent."
            ),
            (
                '"We are not asking for a luxury. We are asking to be awake when we treat patients," said '
                "Dr. Linnea Berg, who chairs the association's junior doctors' committee."
            ),
            (
                "Health Minister Frida Solheim said the offer was the most the budget allowed and urged the "
                "association to return to talks."
            ),
        ],
    },
]
