"""Makes the CDK fixtures of `cost --template` and `diff`: the real `cdk synth` output of the
JumpStartSageMakerEndpoint construct, committed so CI needs no CDK.

    python3 -m venv /tmp/cdkvenv
    /tmp/cdkvenv/bin/pip install aws-cdk-lib==2.275.0 cdklabs.generative-ai-cdk-constructs==0.1.320
    /tmp/cdkvenv/bin/python Tests/JumpStartCommandsTests/Fixtures/cdk/synth.py

Needs node (jsii runs the construct's JavaScript). Writes one <stack>.template.json per stack
beside this script, exactly as `cdk synth` writes it to cdk.out/.
"""
import json
import os
import shutil
import tempfile

import aws_cdk as cdk
from cdklabs.generative_ai_cdk_constructs import sagemaker_deployment as sm

HERE = os.path.dirname(os.path.abspath(__file__))
ENV = cdk.Environment(account="123456789012", region="us-east-1")

# name: (instance type, count, environment, endpoint name joined from the stack's name?)
STACKS = {
    "mistral-base": ("ml.g5.12xlarge", 1, None, False),
    # The change a pull request might make: a bigger instance type, two of them, another log level.
    "mistral-bigger": ("ml.g5.24xlarge", 2, {"SAGEMAKER_CONTAINER_LOG_LEVEL": "10"}, False),
    # A name known only at deploy time (Fn::Join with AWS::StackName). The construct refuses an
    # instance type from a CfnParameter (it checks the type at synth), so no parameter here.
    "mistral-stack-named": ("ml.g5.2xlarge", 1, None, True),
}


def main():
    out = tempfile.mkdtemp(prefix="cdk-out-")
    # What the cdk CLI turns on by default: each resource's construct path (Metadata aws:cdk:path)
    # and the AWS::CDK::Metadata resource (version reporting).
    app = cdk.App(outdir=out, analytics_reporting=True, context={"aws:cdk:enable-path-metadata": True})
    for name, (instance_type, count, environment, stack_named) in STACKS.items():
        stack = cdk.Stack(app, name, env=ENV)
        endpoint_name = cdk.Fn.join("-", [cdk.Aws.STACK_NAME, "mistral"]) if stack_named else "mistral-7b-instruct"
        sm.JumpStartSageMakerEndpoint(
            stack, "Mistral",
            model=sm.JumpStartModel.of("HUGGINGFACE_LLM_MISTRAL_7B_INSTRUCT_3_5_0"),
            endpoint_name=endpoint_name,
            instance_type=sm.SageMakerInstanceType.of(instance_type),
            instance_count=count,
            environment=environment,
            accept_eula=True,
        )
    app.synth()
    for name in STACKS:
        src = os.path.join(out, f"{name}.template.json")
        shutil.copyfile(src, os.path.join(HERE, f"{name}.template.json"))
        json.load(open(src))  # a template, not an error page
        print("wrote", name + ".template.json")
    shutil.rmtree(out)


if __name__ == "__main__":
    main()
