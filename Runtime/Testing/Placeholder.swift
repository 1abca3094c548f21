public import Runtime
