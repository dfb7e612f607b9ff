# One image per service, from this one file: docker build --build-arg SERVICE=passport --build-arg PORT=3005 -t resettle/passport .
# SERVICE is a folder under services/ (release-scheduling, treatment-continuity, accommodation, transport, passport,
# web). infra/docker-compose.yml builds all six. Written without a Docker engine to try it on: see docs/operations.md.
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
ENV COREPACK_ENABLE_DOWNLOAD_PROMPT=0
RUN corepack enable
WORKDIR /app

# Every dependency, development ones too, and the build: services/<SERVICE>/dist/main.js (pnpm build).
FROM base AS build
ARG SERVICE
COPY . .
RUN pnpm install --frozen-lockfile
RUN test -n "${SERVICE}" && pnpm build "${SERVICE}"

# Production dependencies only, in the same layout (the built file loads fastify, pino, postgres, drizzle-orm … from
# services/<SERVICE>/node_modules and the repository's node_modules, as under tsx). Sources, tests and docs removed;
# each service's migrations/ stay.
FROM base AS prod-deps
COPY . .
RUN pnpm install --prod --frozen-lockfile --ignore-scripts \
 && rm -rf tests docs \
 && find contracts infra packages services -path '*/node_modules' -prune -o -type d -name src -prune -exec rm -rf {} +

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ARG PORT=3000
ARG HEALTH_PATH=/health/live
ENV NODE_ENV=production \
    SERVICE=${SERVICE} \
    HOST=0.0.0.0 \
    PORT=${PORT} \
    HEALTH_PATH=${HEALTH_PATH}
WORKDIR /app
# Owned by root and only readable by the user the service runs as: it writes nothing to disk.
COPY --from=prod-deps /app /app
COPY --from=build /app/services/${SERVICE}/dist /app/services/${SERVICE}/dist
USER node
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + process.env.PORT + process.env.HEALTH_PATH).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# sh -c only to name the service's file; exec hands node PID 1, so SIGTERM reaches its graceful shutdown.
CMD ["sh", "-c", "exec node --enable-source-maps services/${SERVICE}/dist/main.js"]
