# syntax=docker/dockerfile:1
# The engine with its web console, on PostgreSQL (DATABASE_URL) or the embedded SQLite (a volume at /data).
# docs/deployment.md: building, compose, backups, upgrades, several instances.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Compilers for the native modules (better-sqlite3, argon2) when no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Scripts off: the package's `prepare` builds, which needs the sources copied below.
RUN npm ci --ignore-scripts
COPY . .
RUN npm rebuild better-sqlite3 argon2 \
 && npm run build \
 && npm prune --omit=dev --ignore-scripts

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    FENGQIAO_DB_PATH=/data/fengqiao.sqlite \
    FENGQIAO_WEB_ROOT=/app/apps/web/dist
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/web/dist ./apps/web/dist
COPY docker/entrypoint.sh docker/wait-for-database.js ./docker/
# The image's files belong to root and cannot be changed by the engine; only /data is its own.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["node", "--max-semi-space-size=8", "dist/apps/api/main.js"]
