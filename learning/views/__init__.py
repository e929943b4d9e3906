"""The study side's HTML views, by audience: accounts, studying, reviewing, progress, and the
pages instructors see of their students' study."""
