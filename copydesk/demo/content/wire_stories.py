"""Invented agency copy the demo agency drops into its folder, one story every few minutes."""

WIRE_STORIES = [
    {
        "headline": "Eastbrook tram drivers accept pay offer, calling off weekend strike",
        "byline": "Ada Whitcombe",
        "picture": {
            "caption": "A tram waits at the Eastbrook depot before the morning shift.",
            "photographer": "Tomas Reyne",
            "motif": "local",
        },
        "body": [
            "Tram drivers in Eastbrook voted to accept a revised pay offer on Tuesday, calling off a strike "
            "that would have stopped all four lines this weekend, their union said.",
            "The offer raises basic pay by 5.5 per cent this year and adds a night-shift allowance, according "
            "to a statement from the Eastbrook Transit Workers' Association.",
            "Services will run to the normal timetable, the transit board said.",
        ],
    },
    {
        "headline": "Rare white stork spotted on the Teasel estuary mudflats",
        "byline": "Jonas Pell",
        "picture": {
            "caption": "Mudflats of the Teasel estuary at low tide, where the stork was seen feeding.",
            "photographer": "Ines Maalouf",
            "motif": "science",
        },
        "body": [
            "Birdwatchers on the Teasel estuary reported a white stork feeding on the mudflats below Larchfield "
            "on Tuesday morning, the first sighting in the area for more than a decade.",
            "The Eastbrook Wildlife Trust asked visitors to keep to the sea wall path and to leave dogs on leads "
            "while the bird remains.",
        ],
    },
    {
        "headline": "Northgate bakery wins regional award for its rye sourdough",
        "byline": "Mirela Osgood",
        "picture": {
            "caption": "Rye loaves cooling on racks at the Northgate bakery.",
            "photographer": "Tomas Reyne",
            "motif": "culture",
        },
        "body": [
            "A family bakery on Northgate High Street has won the regional bread guild's top prize for its rye "
            "sourdough, beating more than 140 entries.",
            "Owner Tamsin Achterberg said the recipe had barely changed since her grandfather opened the shop "
            "in 1979, apart from a longer overnight rise.",
            "The bakery plans to open on Sunday mornings from next month to meet demand.",
        ],
    },
    {
        "headline": "Holloway Cross council approves second pedestrian crossing on Mill Road",
        "byline": "Ada Whitcombe",
        "picture": {
            "caption": "Mill Road at the school gates, where the second crossing will be built.",
            "photographer": "Ines Maalouf",
            "motif": "local",
        },
        "body": [
            "Holloway Cross town council approved a second signal-controlled crossing on Mill Road on Monday "
            "night after parents collected more than 1,200 signatures.",
            "Work is expected to start in February and to take about three weeks, a council spokesman said.",
        ],
    },
    {
        "headline": "Eastbrook library extends evening hours during exam season",
        "byline": "Jonas Pell",
        "picture": {
            "caption": "The reading room of Eastbrook library, open until ten during exams.",
            "photographer": "Tomas Reyne",
            "motif": "culture",
        },
        "body": [
            "The central library in Eastbrook will stay open until 10 p.m. on weekdays from next Monday until "
            "the end of the exam season, the city's libraries service said.",
            "The extra hours are funded by a one-off grant of $48,000 from the city's education budget.",
            "Study rooms can be booked up to a week ahead.",
        ],
    },
    {
        "headline": "Ferry service to Saltmarsh Green resumes after engine repairs",
        "byline": "Mirela Osgood",
        "picture": {
            "caption": "The Saltmarsh Green ferry back at its berth after repairs.",
            "photographer": "Ines Maalouf",
            "motif": "world",
        },
        "body": [
            "The passenger ferry between the Old Quay and Saltmarsh Green resumed on Wednesday after nine days "
            "out of service for engine repairs, its operator said.",
            "A replacement bus had carried about 600 passengers a day during the closure.",
        ],
    },
    {
        "headline": "Brinmoor volunteers plant 3,000 trees along the old railway line",
        "byline": "Ada Whitcombe",
        "picture": {
            "caption": "Saplings along the old railway line near Brinmoor.",
            "photographer": "Tomas Reyne",
            "motif": "science",
        },
        "body": [
            "More than 200 volunteers planted 3,000 native trees along the disused railway line in Brinmoor on "
            "Saturday, the first stage of a plan to turn the route into a walking and cycling path.",
            "Organisers said hawthorn, hazel and field maple were chosen to grow into a hedge that shelters "
            "the path from the prevailing wind.",
            "A second planting day is planned for March.",
        ],
    },
    {
        "headline": "Eastbrook Rovers sign teenage goalkeeper from their academy",
        "byline": "Jonas Pell",
        "picture": {
            "caption": "The goalmouth at the Eastbrook Rovers training ground.",
            "photographer": "Ines Maalouf",
            "motif": "sport",
        },
        "body": [
            "Eastbrook Rovers have signed 17-year-old goalkeeper Ilan Dufresne to his first professional "
            "contract, the club said on Thursday.",
            "Dufresne joined the academy at the age of nine and made his debut for the reserves last season.",
        ],
    },
]
