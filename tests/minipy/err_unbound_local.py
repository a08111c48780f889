# UnboundLocalError: assignment later in the function makes the name local.
count = 0
def bump():
    count += 1
bump()
