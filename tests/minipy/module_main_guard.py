# if __name__ == "__main__": and __name__ of the script.
def main():
    print("main ran, __name__ =", __name__)
    return 0
print("top level", __name__)
if __name__ == "__main__":
    main()
else:
    print("imported")
