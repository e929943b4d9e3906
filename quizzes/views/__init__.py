"""The teaching pages, by what they work on: articles and their question bank, single questions,
courses."""
