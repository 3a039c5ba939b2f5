# Cordon: one image for the web server, the CLI (`node bin/cordon.mjs …`) and
# migrations (`npx prisma migrate deploy`). The CLI runs TypeScript through tsx
# and needs the whole repo and full node_modules, so the runtime image keeps the
# app directory as built and serves the web process from Next's standalone
# output.
#
#   docker build -t cordon .
#   docker run … cordon                                        # web server on :3000
#   docker run … cordon node bin/cordon.mjs nats-config --dir …  # CLI
#   docker run … cordon npx prisma migrate deploy              # migrations

# ---- build ------------------------------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app

# PRISMA_SCHEMA_ENGINE_BINARY is the value prisma.config.ts sets; set here too
# so Prisma's install step does not fetch a native schema engine we never use.
ENV NEXT_TELEMETRY_DISABLED=1 \
    CHECKPOINT_DISABLE=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    PRISMA_SCHEMA_ENGINE_BINARY=/app/prisma/engine/schema-engine.mjs

# Dependencies first, for layer caching. `npm install` runs `prisma generate`
# (postinstall), which needs the schema and prisma.config.ts already in place;
# the client lands in ./generated/prisma.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm install --no-audit --no-fund

# The rest of the source (.dockerignore keeps node_modules, .next, generated
# and .env* out). next build needs no database or NATS; NEXT_OUTPUT=standalone
# makes next.config.ts emit .next/standalone. The standalone server does not
# include static assets or public/, so copy them in (public/ may be absent
# from a fresh clone while it is empty).
COPY . .
RUN chmod +x bin/cordon.mjs prisma/engine/schema-engine.mjs \
 && NEXT_OUTPUT=standalone npm run build \
 && mkdir -p public \
 && cp -r .next/static .next/standalone/.next/static \
 && cp -r public .next/standalone/public \
 && rm -rf .next/cache

# ---- runtime ----------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
WORKDIR /app

ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    CHECKPOINT_DISABLE=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    PRISMA_SCHEMA_ENGINE_BINARY=/app/prisma/engine/schema-engine.mjs \
    PORT=3000 \
    HOSTNAME=0.0.0.0

# The full app directory: source, full node_modules, generated client, .next.
COPY --from=build --chown=node:node /app /app

# Where `cordon nats-config` writes in docker-compose. Owned by `node` so an
# empty named volume mounted here starts out writable by the non-root user.
RUN mkdir -p /etc/nats/cordon && chown node:node /etc/nats/cordon

USER node
EXPOSE 3000

# Web process: Next's standalone server (reads PORT and HOSTNAME).
CMD ["node", ".next/standalone/server.js"]
