"""Synthetic stories for scale work: plausible shapes, invented words, no real text."""

import random
from datetime import timedelta

from django.utils.text import slugify

from copydesk.newsroom.excerpts import derive_excerpt

SUBJECTS = [
    "City council",
    "Harbour authority",
    "Transit board",
    "School district",
    "Water utility",
    "Hospital trust",
    "Arts council",
    "Chamber of commerce",
    "Port workers",
    "Tenants' union",
    "Regional court",
    "Weather service",
    "Library board",
    "Football club",
    "Rowing club",
    "University lab",
    "Energy co-op",
    "Parks department",
]
VERBS = [
    "approves",
    "delays",
    "rejects",
    "expands",
    "reviews",
    "funds",
    "pauses",
    "opens",
    "cuts",
    "extends",
    "questions",
    "backs",
    "revises",
    "launches",
]
OBJECTS = [
    "plan for riverside housing",
    "budget for road repairs",
    "new tram line",
    "night bus trial",
    "flood barrier upgrade",
    "school meals scheme",
    "festival licence",
    "stadium lighting",
    "rent cap proposal",
    "ferry timetable",
    "recycling contract",
    "heat pump grants",
    "library hours",
    "youth sports fund",
]
PLACES = ["Millbank", "Old Quay", "Northgate", "Larchfield", "Holloway Cross", "Brinmoor", "Saltmarsh Green"]
SENTENCES = [
    "Officials in {place} said the decision followed {n} weeks of consultation with residents.",
    "The proposal would cost about {n} million, according to figures released on {day}.",
    "Opponents argued that the timetable left too little room for independent review.",
    "A spokesperson said a fuller statement would follow after the next committee meeting.",
    "Residents of {place} who attended the hearing raised concerns about noise and traffic.",
    "The measure passed by {n} votes, with two members abstaining.",
    "Similar schemes in neighbouring districts have had mixed results, a council report found.",
    "Work is expected to begin in the spring if the remaining permits are granted.",
    "Local businesses in {place} said they had not been told how long the disruption would last.",
    "The board will publish its minutes and a summary of objections within {n} days.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def story(rng: random.Random, serial: int, now, span_days: int) -> dict:
    """Return the fields of one synthetic story."""
    place = rng.choice(PLACES)
    headline = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} in {place}"
    paragraphs = [
        " ".join(
            rng.choice(SENTENCES).format(place=place, n=rng.randint(2, 60), day=rng.choice(DAYS))
            for _ in range(rng.randint(2, 4))
        )
        for _ in range(rng.randint(3, 9))
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    published = now - timedelta(seconds=rng.randint(60, span_days * 86400))
    return {
        "headline": headline,
        "slug": f"{slugify(headline)[:80]}-{serial}",
        "body": body,
        "body_html": body,
        "summary": derive_excerpt(headline=headline, body_html=body),
        "first_published_at": published,
        "last_published_at": published,
    }
