"""The content side's API: articles, facts and questions, for instructors (and for students,
the articles of their courses)."""
