#!/usr/bin/env bash
# A real deployment of an exported template: moto's server on a free loopback port, the real AWS
# CLI's `cloudformation deploy`, then describe-endpoint-config must show the instance type and count
# asked for. Run by `make test` with BIN=<jumpstart-tui> and moto_server/aws on PATH (.venv/bin).
set -euo pipefail
BIN=${BIN:-.build/debug/jumpstart-tui}
MODEL=huggingface-textgeneration1-gpt-neo-125m@2.0.0
TYPE=ml.g4dn.xlarge   # one moto's SageMaker accepts
COUNT=2
work=$(mktemp -d)
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_SESSION_TOKEN=testing
export AWS_DEFAULT_REGION=us-east-1 AWS_REGION=us-east-1 AWS_PAGER="" AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
fail() { echo "moto-deploy.sh: $*" >&2; [ -f "$work/moto.log" ] && tail -20 "$work/moto.log" >&2; exit 1; }

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
moto_server -H 127.0.0.1 -p "$port" > "$work/moto.log" 2>&1 &
server=$!
url="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
    python3 -c "import urllib.request; urllib.request.urlopen('$url/moto-api/')" 2>/dev/null && break
    kill -0 "$server" 2>/dev/null || fail "moto_server did not start"
    sleep 0.1
done

"$BIN" export "$MODEL" --instance-type "$TYPE" --count "$COUNT" --role-policy least-privilege \
    --tag team=ml -o "$work/template.yaml" 2> "$work/export.err" || { cat "$work/export.err" >&2; fail "export failed"; }
stack=$(sed -n 's/^ *EndpointName: \(jumpstart-.*\)$/\1/p' "$work/template.yaml" | head -1)
[ -n "$stack" ] || fail "no endpoint name in the exported template"

aws cloudformation deploy --endpoint-url "$url" --template-file "$work/template.yaml" \
    --stack-name "$stack" --capabilities CAPABILITY_IAM > "$work/deploy.log" 2>&1 || { cat "$work/deploy.log" >&2; fail "deploy failed"; }
status=$(aws cloudformation describe-stacks --endpoint-url "$url" --stack-name "$stack" --query 'Stacks[0].StackStatus' --output text)
[ "$status" = CREATE_COMPLETE ] || fail "stack $stack is $status, not CREATE_COMPLETE"

# moto names the endpoint after the stack and logical id (it ignores EndpointName), so find it
# through the stack's resources rather than by the name in the template.
physical() { aws cloudformation describe-stack-resource --endpoint-url "$url" --stack-name "$stack" \
    --logical-resource-id "$1" --query StackResourceDetail.PhysicalResourceId --output text; }
endpoint=$(physical Endpoint); endpoint=${endpoint##*/}
config=$(aws sagemaker describe-endpoint --endpoint-url "$url" --endpoint-name "$endpoint" --query EndpointConfigName --output text)
[ "$config" = "$(physical EndpointConfig | sed 's|.*/||')" ] || fail "the endpoint uses $config, not the stack's EndpointConfig"
read -r got_type got_count < <(aws sagemaker describe-endpoint-config --endpoint-url "$url" --endpoint-config-name "$config" \
    --query 'ProductionVariants[0].[InstanceType,InitialInstanceCount]' --output text)
[ "$got_type" = "$TYPE" ] || fail "endpoint config has instance type $got_type, asked for $TYPE"
[ "$got_count" = "$COUNT" ] || fail "endpoint config has $got_count instances, asked for $COUNT"
echo "moto deploy: stack $stack CREATE_COMPLETE; endpoint config $config: $got_count x $got_type"
