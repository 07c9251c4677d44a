searchIndexPart("e/meta",{"n":0,"width":2,"terms":[],"per":20,"days":""});
