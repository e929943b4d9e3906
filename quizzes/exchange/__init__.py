"""Questions in and out of other tools, in plain Python (no Django): Moodle's GIFT text format
(`gift`), Anki packages (`anki`) and spreadsheet CSV (`spreadsheet`).

A question here is any object with the Question model's fields (`type`, `prompt`, `answer`,
`accepted`, `choices`, `tolerance`, `explanation`, `sentence`, and `pk` once stored); what a type
allows is asked of `quizzes.question_types`, never decided here.
"""
