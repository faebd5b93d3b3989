#!/bin/sh
# The lab's tiny "application": the image you push, sign and attest holds this file.
echo "hello from app v1"
