"""Turn a news article into facts and ranked quiz questions. Plain Python: no Django here."""

from .article import GeneratedArticle, generate
from .checks import article_problems, question_problems
from .errors import GenerationError
from .nlp import load_nlp
from .parsing import sentence_spans
from .records import Fact, Question
from .uploads import decode_upload, text_from_upload

__all__ = [
    "Fact",
    "GeneratedArticle",
    "GenerationError",
    "Question",
    "article_problems",
    "decode_upload",
    "generate",
    "load_nlp",
    "question_problems",
    "sentence_spans",
    "text_from_upload",
]
